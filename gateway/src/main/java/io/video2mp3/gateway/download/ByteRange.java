package io.video2mp3.gateway.download;

import java.util.Optional;

/**
 * One satisfiable byte range of a representation of {@code length} bytes (RFC 9110 §14). Only single
 * ranges are served; anything else is answered with the whole file, which the RFC allows.
 */
public record ByteRange(long start, long end) {

  public long length() {
    return end - start + 1;
  }

  /**
   * Parses a {@code Range} header. Empty: ignore the header and send everything (absent, malformed,
   * several ranges, another unit). Throws {@link UnsatisfiableRangeException} for a well-formed range
   * outside the file.
   */
  public static Optional<ByteRange> parse(String header, long length) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
      return Optional.empty();
    }
    String spec = value.substring(6).strip();
    if (spec.contains(",")) {
      return Optional.empty();
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return Optional.empty();
        }
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || length == 0) {
          throw new UnsatisfiableRangeException();
        }
        return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
      if (start < 0 || end < start) {
        return Optional.empty();
      }
      if (start >= length) {
        throw new UnsatisfiableRangeException();
      }
      return Optional.of(new ByteRange(start, Math.min(end, length - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The range starts past the end of the file: 416. */
  public static class UnsatisfiableRangeException extends RuntimeException {
    public UnsatisfiableRangeException() {
      super("the requested range is outside the file", null, false, false);
    }
  }
}
