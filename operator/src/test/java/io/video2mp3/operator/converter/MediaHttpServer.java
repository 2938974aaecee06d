package io.video2mp3.operator.converter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves files on a random port: {@code /ranged/<name>} answers Range requests (206),
 * {@code /plain/<name>} ignores them (200, whole body), {@code /moved/<name>} redirects to the
 * ranged one; anything unknown is 404 and {@code /broken/...} is 503.
 */
final class MediaHttpServer implements AutoCloseable {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final Map<String, Path> files = new ConcurrentHashMap<>();
  final AtomicInteger rangeRequests = new AtomicInteger();

  MediaHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  void serve(String name, Path file) {
    files.put(name, file);
  }

  String url(String mode, String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/" + name;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] parts = exchange.getRequestURI().getPath().split("/", 3);
      String mode = parts.length > 1 ? parts[1] : "";
      Path file = parts.length > 2 ? files.get(parts[2]) : null;
      if (mode.equals("broken")) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (mode.equals("moved")) {
        exchange.getResponseHeaders().set("Location", url("ranged", parts[2]));
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      long size = Files.size(file);
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (mode.equals("ranged") && m != null && m.matches()) {
        rangeRequests.incrementAndGet();
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        if (start >= size) {
          exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        exchange.sendResponseHeaders(206, end - start + 1);
        copy(file, start, end - start + 1, exchange.getResponseBody());
      } else {
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        copy(file, 0, size, exchange.getResponseBody());
      }
    } catch (IOException e) {
      // the client hung up (it seeks by abandoning responses): expected
    }
  }

  private static void copy(Path file, long start, long length, OutputStream out) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(start);
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
