package io.video2mp3.auth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts failures per key until one window has passed since the key's last failure; then the key is
 * forgotten. A steady trickle of failures therefore keeps adding up: waiting just under the window
 * between guesses does not reset the count.
 *
 * <p>Memory is bounded: at most {@code maxEntries} keys (Caffeine evicts the least valuable first),
 * and a key is forgotten one window after its last failure, when it no longer matters.
 */
final class FailureCounter<K> {

  private final Duration window;
  private final Clock clock;
  private final Cache<K, Failures> failures;

  FailureCounter(Duration window, long maxEntries, Clock clock) {
    this.window = window;
    this.clock = clock;
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfterWrite(window)
            // Expiry follows the same clock as the counting, so tests can move time.
            .ticker(clockTicker(clock))
            // Maintenance on the caller's thread: tiny work, and no background thread to reason about.
            .executor(Runnable::run)
            .build();
  }

  /** Failures counted for the key now (0 once forgotten). */
  int failures(K key) {
    Failures current = current(key);
    return current == null ? 0 : current.count();
  }

  /** How long until the key's failures are forgotten; empty when there are none. */
  Optional<Duration> forgottenIn(K key) {
    Failures current = current(key);
    return current == null
        ? Optional.empty()
        : Optional.of(Duration.between(clock.instant(), current.last().plus(window)));
  }

  /** Counts one failure; returns the key's count including it. */
  int recordFailure(K key) {
    Instant now = clock.instant();
    return failures.asMap()
        .compute(key, (k, current) -> current == null || current.isOver(now, window)
            ? new Failures(1, now)
            : new Failures(current.count() + 1, now))
        .count();
  }

  void reset(K key) {
    failures.invalidate(key);
  }

  /** Keys currently tracked (for tests of the memory bound). */
  long trackedKeys() {
    failures.cleanUp();
    return failures.estimatedSize();
  }

  private Failures current(K key) {
    Failures current = failures.getIfPresent(key);
    return current == null || current.isOver(clock.instant(), window) ? null : current;
  }

  private static Ticker clockTicker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  private record Failures(int count, Instant last) {

    boolean isOver(Instant now, Duration window) {
      return !now.isBefore(last.plus(window));
    }
  }
}
