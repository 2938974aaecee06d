package io.video2mp3.api.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes {@code first..last} (inclusive) of a resource of {@code size} bytes, as asked for by a
 * {@code Range} header. One range is understood (several are ignored, as RFC 9110 allows):
 * {@code bytes=N-}, {@code bytes=N-M} or the suffix form {@code bytes=-N}. Shared by the gateway's
 * downloads and the converter's loopback input server.
 */
public record ByteRange(long first, long last, long size) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{1,18})?-(\\d{1,18})?", Pattern.CASE_INSENSITIVE);

  /** What a request asked for. */
  public sealed interface Request permits Whole, Partial, Unsatisfiable {
  }

  /** No Range header, or one this server ignores (as RFC 9110 allows): the whole resource, 200. */
  public record Whole() implements Request {
  }

  /** A satisfiable range: 206. */
  public record Partial(ByteRange range) implements Request {
  }

  /** A range that starts at or after the end: 416. */
  public record Unsatisfiable() implements Request {
  }

  public static Request parse(Optional<String> header, long size) {
    Matcher m = SINGLE.matcher(header.map(String::strip).orElse(""));
    if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
      return new Whole();
    }
    if (m.group(1) == null) {
      long suffix = Long.parseLong(m.group(2));
      return suffix == 0 || size == 0 ? new Unsatisfiable()
          : new Partial(new ByteRange(Math.max(0, size - suffix), size - 1, size));
    }
    long first = Long.parseLong(m.group(1));
    if (first >= size) {
      return new Unsatisfiable();
    }
    long last = m.group(2) == null ? size - 1 : Long.parseLong(m.group(2));
    if (last < first) {
      return new Whole(); // syntactically invalid: the header is ignored
    }
    return new Partial(new ByteRange(first, Math.min(last, size - 1), size));
  }

  public long length() {
    return last - first + 1;
  }

  public String contentRange() {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
