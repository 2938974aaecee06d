package io.video2mp3.notifier.mail;

import java.time.Duration;

/**
 * Bounded exponential back-off: {@code attempts} tries in all, waiting initial, 2x initial, 4x ...
 * capped at {@code maxBackoff} between them.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** The wait after failed attempt number {@code attempt} (1-based) before the next one. */
  public Duration backoffAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based");
    }
    // Doubling past 2^20 can only exceed any sane cap; avoid overflow instead of computing it.
    int doublings = Math.min(attempt - 1, 20);
    Duration backoff = initialBackoff.multipliedBy(1L << doublings);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  /** The longest all attempts can wait in total (without the time of the attempts themselves). */
  public Duration totalBackoff() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < attempts; attempt++) {
      total = total.plus(backoffAfter(attempt));
    }
    return total;
  }
}
