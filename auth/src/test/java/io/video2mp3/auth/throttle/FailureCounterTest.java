package io.video2mp3.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class FailureCounterTest {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void tracksAtMostMaxEntriesKeys() {
    FailureCounter counter = new FailureCounter(5, WINDOW, 100, clock);

    for (int i = 0; i < 10_000; i++) {
      counter.recordFailure("10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(counter.trackedKeys()).isLessThanOrEqualTo(100);
  }

  @Test
  void forgetsKeysOneWindowAfterTheirLastFailure() {
    FailureCounter counter = new FailureCounter(5, WINDOW, 100, clock);
    counter.recordFailure("alice");
    counter.recordFailure("bob");

    clock.add(WINDOW);

    assertThat(counter.trackedKeys()).isZero();
  }

  @Test
  void keepsABlockedKeyUntilItsBlockEnds() {
    FailureCounter counter = new FailureCounter(2, WINDOW, 100, clock);
    counter.recordFailure("alice");
    clock.add(Duration.ofSeconds(50));
    assertThat(counter.recordFailure("alice")).as("this failure starts the block").isTrue();

    clock.add(Duration.ofSeconds(59));
    assertThat(counter.blockedFor("alice")).contains(Duration.ofSeconds(1));
    clock.add(Duration.ofSeconds(1));
    assertThat(counter.blockedFor("alice")).isEmpty();
  }

  @Test
  void aLimitOfOneBlocksAtTheFirstFailure() {
    FailureCounter counter = new FailureCounter(1, WINDOW, 100, clock);

    assertThat(counter.recordFailure("alice")).isTrue();
    assertThat(counter.blockedFor("alice")).contains(WINDOW);
  }
}
