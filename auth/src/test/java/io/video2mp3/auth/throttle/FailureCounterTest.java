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
  private final FailureCounter<String> counter = new FailureCounter<>(WINDOW, 100, clock);

  @Test
  void tracksAtMostMaxEntriesKeys() {
    for (int i = 0; i < 10_000; i++) {
      counter.recordFailure("10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(counter.trackedKeys()).isLessThanOrEqualTo(100);
  }

  @Test
  void forgetsKeysOneWindowAfterTheirLastFailure() {
    counter.recordFailure("alice");
    counter.recordFailure("bob");

    clock.add(WINDOW);

    assertThat(counter.trackedKeys()).isZero();
    assertThat(counter.failures("alice")).isZero();
    assertThat(counter.forgottenIn("alice")).isEmpty();
  }

  @Test
  void aTrickleJustUnderTheWindowKeepsCounting() {
    for (int i = 1; i <= 5; i++) {
      assertThat(counter.recordFailure("alice")).isEqualTo(i);
      clock.add(WINDOW.minusSeconds(1));
    }

    assertThat(counter.failures("alice")).isEqualTo(5);
    assertThat(counter.forgottenIn("alice")).contains(Duration.ofSeconds(1));
  }

  @Test
  void aResetForgetsTheKeyOnly() {
    counter.recordFailure("alice");
    counter.recordFailure("bob");

    counter.reset("alice");

    assertThat(counter.failures("alice")).isZero();
    assertThat(counter.failures("bob")).isEqualTo(1);
  }
}
