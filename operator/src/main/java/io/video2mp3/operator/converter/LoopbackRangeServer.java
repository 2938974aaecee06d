package io.video2mp3.operator.converter;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.video2mp3.api.http.ByteRange;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one {@link SeekableSource} to ffprobe/ffmpeg over HTTP on the loopback interface, so they
 * can seek in a video that is only readable as a stream (an MP4's index at the end, then back to
 * the samples). ffmpeg's http protocol seeks by opening a new connection with a {@code Range}
 * request; each request opens the source at its offset (GridFS: a fresh download stream that skips
 * whole chunks; an HTTP origin: a Range request of its own).
 *
 * <p>Why not jaffree's {@code ChannelInput}: it runs a local FTP server that accepts exactly one
 * connection (jaffree 2023.09.10 {@code TcpServer}); ffmpeg's ftp protocol sometimes drops and
 * reopens its control connection on a seek (timing-dependent, more often on busy cores), the
 * reconnect was refused and a good video failed as "not convertible". This server accepts any
 * number of connections, one after another or at once.
 *
 * <p>Bounded: {@link #THREADS} handler threads serve at most that many responses at once (ffmpeg
 * keeps one or two connections open: the one it reads and the one it is abandoning); further
 * connections wait for a thread. Only 127.0.0.1, an ephemeral port, and one resource under an
 * unguessable path, so another local process cannot read the video by guessing a URL. {@link
 * #close()} ends everything; it is closed with the conversion's {@link VideoSource}.
 */
final class LoopbackRangeServer implements AutoCloseable {

  static final int THREADS = 4;
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger SERVERS = new AtomicInteger();
  private static final String LOOPBACK = "127.0.0.1";

  private final SeekableSource source;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final String path;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile IOException sourceFailure;

  private LoopbackRangeServer(SeekableSource source, HttpServer server, ExecutorService handlers, String path) {
    this.source = source;
    this.server = server;
    this.handlers = handlers;
    this.path = path;
  }

  /**
   * @param filename only its extension is used: ffmpeg weighs it when it guesses the format
   */
  static LoopbackRangeServer start(SeekableSource source, String filename) throws IOException {
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    String path = "/" + HexFormat.of().formatHex(token) + "/video"
        + SourceOpener.extension(filename).orElse("");
    // the literal, not getLoopbackAddress(): that may be ::1, which the URL would need in brackets
    HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    ExecutorService handlers = Executors.newFixedThreadPool(THREADS, daemonThreads());
    LoopbackRangeServer range = new LoopbackRangeServer(source, server, handlers, path);
    server.createContext("/", range::handle);
    server.setExecutor(handlers);
    server.start();
    return range;
  }

  /** The only URL this server answers. */
  String url() {
    return "http://" + LOOPBACK + ":" + server.getAddress().getPort() + path;
  }

  /** Requests for the resource so far (each seek of ffmpeg is one). */
  int requests() {
    return requests.get();
  }

  /** The last failure of the source itself (not of a client hanging up): makes a failure transient. */
  Optional<IOException> sourceFailure() {
    return Optional.ofNullable(sourceFailure);
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      if (!exchange.getRequestURI().getRawPath().equals(path)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      Headers headers = exchange.getResponseHeaders();
      if (!head && !method.equals("GET")) {
        headers.set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      requests.incrementAndGet();
      long size = source.size();
      headers.set("Accept-Ranges", "bytes");
      ByteRange.Request request =
          ByteRange.parse(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range")), size);
      if (request instanceof ByteRange.Partial partial) {
        headers.set("Content-Range", partial.range().contentRange());
        respond(exchange, head, 206, partial.range().first(), partial.range().length());
      } else if (request instanceof ByteRange.Unsatisfiable) {
        headers.set("Content-Range", "bytes */" + size);
        exchange.sendResponseHeaders(416, -1);
      } else {
        respond(exchange, head, 200, 0, size);
      }
    } catch (IOException e) {
      // the client hung up: ffmpeg abandons a response whenever it seeks
    }
  }

  private void respond(HttpExchange exchange, boolean head, int status, long first, long length) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    if (head || length == 0) {
      // the JDK server sends no Content-Length for HEAD: set it as a GET would have it
      exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    InputStream in;
    try {
      in = source.openAt(first);
    } catch (IOException | RuntimeException e) {
      recordSourceFailure(e);
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    try (in) {
      exchange.sendResponseHeaders(status, length);
      copy(in, exchange.getResponseBody(), length);
    }
  }

  /**
   * Source failures are recorded, client failures are not. A source failure mid-body leaves the
   * response short; closing the exchange then drops the connection, and ffmpeg sees a premature end.
   */
  private void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long left = length;
    while (left > 0) {
      int n;
      try {
        n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException(source.describe() + " ended " + left + " bytes before its size " + source.size());
        }
      } catch (IOException | RuntimeException e) {
        throw recordSourceFailure(e);
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private IOException recordSourceFailure(Exception e) {
    // RuntimeException: the MongoDB driver reports I/O trouble unchecked
    IOException failure = e instanceof IOException io ? io
        : new IOException(source.describe() + ": " + e.getMessage(), e);
    sourceFailure = failure;
    return failure;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  /** Daemon threads: a server that was not closed must not keep the converter's JVM alive. */
  private static ThreadFactory daemonThreads() {
    int server = SERVERS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "loopback-input-" + server + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
