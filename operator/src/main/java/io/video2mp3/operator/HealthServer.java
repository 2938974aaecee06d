package io.video2mp3.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Liveness, readiness (with the dependencies' state) and Prometheus metrics on one small port. */
public class HealthServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "health-http");
    t.setDaemon(true);
    return t;
  });

  /** On {@code address} (empty: every interface) and {@code port}. */
  public HealthServer(String address, int port, Map<String, BooleanSupplier> readiness, Supplier<String> metrics)
      throws IOException {
    server = HttpServer.create(address.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(address, port), 16);
    server.setExecutor(executor);
    server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext("/health/ready", ex -> {
      Map<String, Boolean> checks = new LinkedHashMap<>();
      readiness.forEach((name, check) -> checks.put(name, safely(check)));
      boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
      StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":{");
      checks.forEach((name, ok) -> json.append('"').append(name).append("\":\"").append(ok ? "UP" : "DOWN").append("\","));
      if (!checks.isEmpty()) {
        json.setLength(json.length() - 1);
      }
      json.append("}}");
      respond(ex, up ? 200 : 503, "application/json", json.toString());
    });
    server.createContext("/metrics",
        ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
