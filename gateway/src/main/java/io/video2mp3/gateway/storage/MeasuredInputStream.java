package io.video2mp3.gateway.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Counts and SHA-256-hashes what goes through, and fails with {@link TooLargeException} as soon as more
 * than {@code limit} bytes have been read.
 */
public class MeasuredInputStream extends FilterInputStream {

  private final long limit;
  private final MessageDigest digest;
  private long count;

  public MeasuredInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      advance(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    if (read > 0) {
      advance(read);
      digest.update(buffer, offset, read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping would leave bytes out of the digest");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  public long count() {
    return count;
  }

  /** The digest of everything read; call once, at the end. */
  public byte[] sha256() {
    return digest.digest();
  }

  private void advance(int read) throws TooLargeException {
    count += read;
    if (count > limit) {
      throw new TooLargeException(limit);
    }
  }

  /** The body went past the configured maximum. */
  public static class TooLargeException extends IOException {
    private final long limit;

    public TooLargeException(long limit) {
      super("the upload is larger than " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }
}
