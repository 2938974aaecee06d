package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video behind an http(s) URL, read with java.net.http: connect and header timeouts on every
 * request, a read timeout on the body ({@link TimedBodyStream}), redirects followed (never from
 * https to http). A server that answers byte ranges is read as a {@link SeekableSource} (Range
 * requests on seek); one that does not is copied to the scratch directory by the caller.
 *
 * <p>Why not hand the URL to ffmpeg: ffmpeg's http client can seek too, but then a 404 and a
 * network outage both become "ffmpeg exited 1" with a text to parse, and its timeouts differ per
 * protocol. Reading it here classifies errors by status code (4xx except 408/429: permanent, exit
 * 2; 5xx, 408, 429 and network errors: exit 1) and shares the seekable path with GridFS.
 */
public final class HttpSource implements SeekableSource {

  /** Timeouts of a source request; the Job's activeDeadlineSeconds bounds the whole run. */
  public record Timeouts(Duration connect, Duration headers, Duration read) {
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** What the first request found out. */
  public sealed interface Probe permits Ranged, Whole {
  }

  /** The server answers ranges: read it seekably. */
  public record Ranged(HttpSource source) implements Probe {
  }

  /** The server sends only the whole body (already open): copy it somewhere seekable. */
  public record Whole(InputStream body, long contentLength, URI uri) implements Probe {
  }

  private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes \\d+-\\d+/(\\d+)$");

  private final HttpClient client;
  private final URI uri;
  private final long size;
  private final Timeouts timeouts;

  private HttpSource(HttpClient client, URI uri, long size, Timeouts timeouts) {
    this.client = client;
    this.uri = uri;
    this.size = size;
    this.timeouts = timeouts;
  }

  public static HttpClient newClient(Timeouts timeouts) {
    return HttpClient.newBuilder()
        .connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * Asks for the whole resource as a range. 206 means seekable; 200 means the server ignores
   * ranges; 416 on "bytes=0-" means an empty resource.
   */
  public static Probe probe(HttpClient client, URI uri, Timeouts timeouts) throws ConversionException {
    HttpResponse<InputStream> response = send(client, uri, 0, timeouts);
    int status = response.statusCode();
    if (status == 206) {
      Optional<Long> total = response.headers().firstValue("Content-Range")
          .map(CONTENT_RANGE::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)));
      closeQuietly(response.body());
      if (total.isEmpty()) {
        throw ConversionException.transientFailure(
            "SOURCE_URL answered 206 without a usable Content-Range", null);
      }
      return new Ranged(new HttpSource(client, response.uri(), total.get(), timeouts));
    }
    if (status == 200) {
      return new Whole(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1),
          response.uri());
    }
    closeQuietly(response.body());
    if (status == 416) {
      throw ConversionException.permanent("source is empty (SOURCE_URL has no bytes)");
    }
    String reason = "SOURCE_URL answered HTTP " + status;
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      throw ConversionException.permanent(reason);
    }
    throw ConversionException.transientFailure(reason, null);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = send(client, uri, offset, timeouts);
    } catch (ConversionException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
    if (response.statusCode() != 206) {
      closeQuietly(response.body());
      throw new IOException(describe() + ": range request from byte " + offset + " answered HTTP "
          + response.statusCode());
    }
    return response.body();
  }

  @Override
  public String describe() {
    return "SOURCE_URL " + uri.getHost();
  }

  private static HttpResponse<InputStream> send(HttpClient client, URI uri, long offset, Timeouts timeouts)
      throws ConversionException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeouts.headers())
        .header("Range", "bytes=" + offset + "-")
        .GET()
        .build();
    try {
      return client.send(request, info -> new TimedBodyStream(timeouts.read(), "SOURCE_URL " + uri.getHost()));
    } catch (IOException e) {
      throw ConversionException.transientFailure("cannot read SOURCE_URL (" + uri.getHost() + "): "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ConversionException.transientFailure("interrupted while reading SOURCE_URL", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
