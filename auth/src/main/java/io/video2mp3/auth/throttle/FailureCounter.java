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
 * Counts failures per key in a window that starts at the key's first failure. Reaching the limit
 * blocks the key for one window from that last failure.
 *
 * <p>Memory is bounded: at most {@code maxEntries} keys (least recently used ones are dropped first),
 * and a key is forgotten one window after its last failure, when it no longer matters.
 */
final class FailureCounter {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Cache<String, Window> windows;

  FailureCounter(int limit, Duration window, long maxEntries, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfterWrite(window)
            // Expiry follows the same clock as the counting, so tests can move time.
            .ticker(clockTicker(clock))
            // Maintenance on the caller's thread: tiny work, and no background thread to reason about.
            .executor(Runnable::run)
            .build();
  }

  /** How long the key stays blocked, or empty when it may try again now. */
  Optional<Duration> blockedFor(String key) {
    Window current = windows.getIfPresent(key);
    Instant now = clock.instant();
    if (current == null || current.blockedUntil() == null || !now.isBefore(current.blockedUntil())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, current.blockedUntil()));
  }

  /** Counts one failure; returns true when this failure starts a block. */
  boolean recordFailure(String key) {
    Instant now = clock.instant();
    Window updated = windows.asMap().compute(key, (k, current) -> next(current, now));
    return updated.failures() == limit && updated.blockedUntil() != null;
  }

  void reset(String key) {
    windows.invalidate(key);
  }

  /** Keys currently tracked (for tests of the memory bound). */
  long trackedKeys() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  private Window next(Window current, Instant now) {
    if (current == null || current.isOver(now, window)) {
      return Window.first(now, limit, window);
    }
    return current.plusFailure(now, limit, window);
  }

  private static Ticker clockTicker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  /**
   * @param blockedUntil set once the limit is reached
   */
  private record Window(Instant start, int failures, Instant blockedUntil) {

    static Window first(Instant now, int limit, Duration window) {
      return new Window(now, 1, limit == 1 ? now.plus(window) : null);
    }

    Window plusFailure(Instant now, int limit, Duration window) {
      int failures = this.failures + 1;
      return new Window(start, failures, failures >= limit ? now.plus(window) : blockedUntil);
    }

    boolean isOver(Instant now, Duration window) {
      Instant end = blockedUntil != null ? blockedUntil : start.plus(window);
      return !now.isBefore(end);
    }
  }
}
