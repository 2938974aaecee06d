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
 * request, a read timeout on the body ({@link TimedBodyStream}), redirects followed here (at
 * most {@value #MAX_REDIRECTS}, never from https to http), each hop and every later range request
 * checked by the {@link SourceAddressGuard}. A server that answers byte ranges is read as a {@link SeekableSource} (Range
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

  static final int MAX_REDIRECTS = 5;
  private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes \\d+-\\d+/(\\d+)$");

  private final HttpClient client;
  private final URI uri;
  private final long size;
  private final Timeouts timeouts;
  private final SourceAddressGuard guard;

  private HttpSource(HttpClient client, URI uri, long size, Timeouts timeouts, SourceAddressGuard guard) {
    this.client = client;
    this.uri = uri;
    this.size = size;
    this.timeouts = timeouts;
    this.guard = guard;
  }

  public static HttpClient newClient(Timeouts timeouts) {
    return HttpClient.newBuilder()
        .connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NEVER) // followed in send(), each hop checked
        .build();
  }

  /**
   * Asks for the whole resource as a range. 206 means seekable; 200 means the server ignores
   * ranges; 416 on "bytes=0-" means an empty resource.
   */
  public static Probe probe(HttpClient client, URI uri, Timeouts timeouts, SourceAddressGuard guard)
      throws ConversionException {
    HttpResponse<InputStream> response = send(client, uri, 0, timeouts, guard);
    int status = response.statusCode();
    if (status == 206) {
      Optional<Long> total = response.headers().firstValue("Content-Range")
          .map(CONTENT_RANGE::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)));
      closeQuietly(response.body());
      if (total.isEmpty()) {
        throw ConversionException.transientFailure(
            "the source URL could not be fetched (HTTP 206 without a usable Content-Range)", null);
      }
      return new Ranged(new HttpSource(client, response.uri(), total.get(), timeouts, guard));
    }
    if (status == 200) {
      return new Whole(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1),
          response.uri());
    }
    closeQuietly(response.body());
    if (status == 416) {
      throw ConversionException.permanent("source is empty (the source URL has no bytes)");
    }
    String reason = "the source URL could not be fetched (HTTP " + status + ")";
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
      response = send(client, uri, offset, timeouts, guard);
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

  /** The response at the end of the redirects; {@link HttpResponse#uri()} says where that was. */
  private static HttpResponse<InputStream> send(HttpClient client, URI uri, long offset, Timeouts timeouts,
      SourceAddressGuard guard) throws ConversionException {
    URI at = uri;
    for (int hop = 0; ; hop++) {
      guard.check(at);
      HttpResponse<InputStream> response = sendOnce(client, at, offset, timeouts);
      Optional<String> location = response.headers().firstValue("Location");
      if (!isRedirect(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      closeQuietly(response.body());
      URI next;
      try {
        next = at.resolve(location.get());
      } catch (IllegalArgumentException e) {
        throw ConversionException.permanent("the source URL redirects to an invalid URL");
      }
      String scheme = String.valueOf(next.getScheme()).toLowerCase(java.util.Locale.ROOT);
      if (hop == MAX_REDIRECTS || next.getHost() == null || !(scheme.equals("https")
          || scheme.equals("http") && "http".equalsIgnoreCase(at.getScheme()))) {
        throw ConversionException.permanent("the source URL redirects too often or to a URL that is not accepted");
      }
      at = next;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static HttpResponse<InputStream> sendOnce(HttpClient client, URI uri, long offset, Timeouts timeouts)
      throws ConversionException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeouts.headers())
        .header("Range", "bytes=" + offset + "-")
        .GET()
        .build();
    try {
      return client.send(request, info -> new TimedBodyStream(timeouts.read(), "SOURCE_URL " + uri.getHost()));
    } catch (IOException e) {
      // the detail (host, port, "Connection refused") is for the log, not for the user
      throw ConversionException.transientFailure("the source URL could not be fetched", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ConversionException.transientFailure("interrupted while fetching the source URL", e);
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
