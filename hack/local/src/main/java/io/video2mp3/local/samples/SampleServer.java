package io.video2mp3.local.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves a sample video for VideoConversions with {@code source.url} (samples/videoconversion-url.yaml):
 * GET /sample.mp4, generated once with ffmpeg into .local/samples/ (10 s tone and test picture).
 */
public final class SampleServer implements AutoCloseable {

  public static final String SAMPLE = "sample.mp4";
  private final HttpServer http;
  private final Path dir;

  private SampleServer(HttpServer http, Path dir) {
    this.http = http;
    this.dir = dir;
  }

  public static SampleServer start(Path dir, int port, String ffmpeg) {
    generate(dir.resolve(SAMPLE), ffmpeg);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new StartupException("cannot serve the samples on 127.0.0.1:" + port + ": " + e.getMessage()
          + " (set SAMPLES_PORT to another port)", e);
    }
    SampleServer server = new SampleServer(http, dir);
    http.createContext("/", server::handle);
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.start();
    return server;
  }

  private static void generate(Path file, String ffmpeg) {
    if (Files.isRegularFile(file)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("tmp-" + SAMPLE);
      Process process = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
          "-f", "lavfi", "-i", "sine=frequency=440:duration=10",
          "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15:duration=10",
          "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", tmp.toString()))
          .redirectErrorStream(true).redirectOutput(file.resolveSibling("ffmpeg.log").toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new StartupException("ffmpeg could not generate the sample video (see " + file.resolveSibling("ffmpeg.log")
            + "); install ffmpeg (apt-get install ffmpeg)");
      }
      Files.move(tmp, file);
    } catch (IOException e) {
      throw new StartupException("cannot run ffmpeg (" + e.getMessage() + "): install it (apt-get install ffmpeg)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while generating the sample video", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
      Path file = dir.resolve(name).normalize();
      if (name.isEmpty() || !file.getParent().equals(dir.normalize()) || !name.endsWith(".mp4") || !Files.isRegularFile(file)) {
        byte[] body = ("try " + url() + "/" + SAMPLE + "\n").getBytes();
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "video/mp4");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, Files.size(file));
      try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
