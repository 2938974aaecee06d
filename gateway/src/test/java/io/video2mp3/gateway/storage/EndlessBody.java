package io.video2mp3.gateway.storage;

import java.io.InputStream;
import java.util.function.BooleanSupplier;

/** A request body that trickles in 64 kB every 20 ms while {@code more} says so, like a slow client. */
final class EndlessBody extends InputStream {

  private final BooleanSupplier more;

  EndlessBody(BooleanSupplier more) {
    this.more = more;
  }

  @Override
  public int read() {
    return more.getAsBoolean() ? 0 : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (!more.getAsBoolean()) {
      return -1;
    }
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    int n = Math.min(length, 64 * 1024);
    java.util.Arrays.fill(buffer, offset, offset + n, (byte) 7);
    return n;
  }
}
