package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final Instant COMPLETED = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration MAX = Retention.MAX_RECHECK;

  @Test
  void keptUntilCompletedAtPlusTheRetentionThenExpired() {
    Instant until = COMPLETED.plus(Duration.ofDays(7));
    var before = Retention.decide(Phase.Succeeded, COMPLETED, true, until.minusSeconds(1), 7);
    assertThat(before.expired()).isFalse();
    assertThat(before.keepUntil()).contains(until);
    var at = Retention.decide(Phase.Succeeded, COMPLETED, true, until, 7);
    assertThat(at.expired()).isTrue();
    assertThat(Retention.decide(Phase.Failed, COMPLETED, true, until.plusSeconds(1), 7).expired()).isTrue();
  }

  @Test
  void zeroDaysKeepsForever() {
    var verdict = Retention.decide(Phase.Succeeded, COMPLETED, true, COMPLETED.plus(Duration.ofDays(10_000)), 0);
    assertThat(verdict.expired()).isFalse();
    assertThat(verdict.keepUntil()).isEmpty();
  }

  @Test
  void neverWhileNotFinished() {
    Instant muchLater = COMPLETED.plus(Duration.ofDays(365));
    for (Phase phase : new Phase[] {null, Phase.Pending, Phase.Queued, Phase.Running}) {
      var verdict = Retention.decide(phase, COMPLETED, true, muchLater, 1);
      assertThat(verdict.expired()).as("%s", phase).isFalse();
      assertThat(verdict.keepUntil()).as("%s", phase).isEmpty();
    }
  }

  @Test
  void neverBeforeTheOwnerWasNotified() {
    Instant muchLater = COMPLETED.plus(Duration.ofDays(365));
    var verdict = Retention.decide(Phase.Succeeded, COMPLETED, false, muchLater, 1);
    assertThat(verdict.expired()).isFalse();
    assertThat(verdict.keepUntil()).contains(COMPLETED.plus(Duration.ofDays(1)));
  }

  @Test
  void anUnknownCompletionTimeIsKept() {
    var verdict = Retention.decide(Phase.Failed, null, true, COMPLETED, 1);
    assertThat(verdict.expired()).isFalse();
    assertThat(verdict.keepUntil()).isEmpty();
  }

  @Test
  void recheckAtTheExpiryButAtMostTheBound() {
    Instant until = COMPLETED.plus(Duration.ofDays(7));
    var verdict = Retention.decide(Phase.Succeeded, COMPLETED, true, COMPLETED, 7);
    assertThat(verdict.recheckAfter(COMPLETED, MAX)).isEqualTo(MAX);
    assertThat(verdict.recheckAfter(until.minusSeconds(90), MAX)).isEqualTo(Duration.ofSeconds(90));
    assertThat(Retention.decide(Phase.Succeeded, COMPLETED, true, COMPLETED, 0).recheckAfter(COMPLETED, MAX))
        .as("kept forever, but a changed setting is noticed").isEqualTo(MAX);
    assertThat(Retention.decide(Phase.Succeeded, COMPLETED, true, until, 7).recheckAfter(until, MAX)).isZero();
  }

  @Test
  void notNotifiedPastTheExpiryIsLookedAtAgainWithinTheBound() {
    Instant late = COMPLETED.plus(Duration.ofDays(30));
    var verdict = Retention.decide(Phase.Succeeded, COMPLETED, false, late, 7);
    assertThat(verdict.recheckAfter(late, MAX)).isEqualTo(MAX);
  }

  @Test
  void negativeDaysAreRefused() {
    assertThatThrownBy(() -> Retention.decide(Phase.Succeeded, COMPLETED, true, COMPLETED, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesCompletedAt() {
    assertThat(Retention.parseTimestamp("2026-11-22T10:00:00Z")).contains(COMPLETED);
    assertThat(Retention.parseTimestamp(null)).isEmpty();
    assertThat(Retention.parseTimestamp(" ")).isEmpty();
    assertThat(Retention.parseTimestamp("yesterday")).isEqualTo(Optional.empty());
  }
}
