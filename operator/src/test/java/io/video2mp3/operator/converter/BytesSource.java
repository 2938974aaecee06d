package io.video2mp3.operator.converter;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SeekableSource} over bytes in memory, for testing what serves a source. It can fail
 * like a store does: when opened, or after handing out a number of bytes of a stream.
 */
final class BytesSource implements SeekableSource {

  private final byte[] bytes;
  private final long failOpenAt;
  private final long failAfterBytes;
  final AtomicInteger opens = new AtomicInteger();

  private BytesSource(byte[] bytes, long failOpenAt, long failAfterBytes) {
    this.bytes = bytes;
    this.failOpenAt = failOpenAt;
    this.failAfterBytes = failAfterBytes;
  }

  static BytesSource of(byte[] bytes) {
    return new BytesSource(bytes, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** {@code size} reproducible pseudo-random bytes: a wrong offset shows as wrong content. */
  static BytesSource random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return of(bytes);
  }

  /** Opening at or after {@code offset} fails (a store that became unreachable). */
  BytesSource failingToOpenFrom(long offset) {
    return new BytesSource(bytes, offset, failAfterBytes);
  }

  /** Every stream fails after handing out {@code n} bytes (a store that drops the connection). */
  BytesSource failingAfter(long n) {
    return new BytesSource(bytes, failOpenAt, n);
  }

  byte[] bytes(long first, long last) {
    return java.util.Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    opens.incrementAndGet();
    if (offset >= failOpenAt) {
      throw new IOException("store unreachable");
    }
    InputStream in = new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    return new FilterInputStream(in) {
      private long handedOut;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (handedOut >= failAfterBytes) {
          throw new IOException("store dropped the stream");
        }
        int n = super.read(b, off, (int) Math.min(len, failAfterBytes - handedOut));
        handedOut += Math.max(n, 0);
        return n;
      }
    };
  }

  @Override
  public String describe() {
    return "test bytes";
  }
}
