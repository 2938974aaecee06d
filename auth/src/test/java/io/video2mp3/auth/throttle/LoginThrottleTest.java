package io.video2mp3.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.auth.config.ThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** 5 failures per (account, address), pressure at 12 per address or 6 per account, one-minute window. */
class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final String ALICE = LoginThrottle.accountKey("uid-alice");
  private static final String BOB = LoginThrottle.accountKey("uid-bob");

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final LoginThrottle throttle =
      new LoginThrottle(new ThrottleSettings(5, 12, 6, WINDOW, 1_000), clock);

  @Test
  void blocksAnAccountFromAnAddressAfterFiveFailuresForOneWindow() {
    failTimes(ALICE, "10.0.0.1", 4);
    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).isEmpty();

    throttle.recordFailure(ALICE, "10.0.0.1");

    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).contains(WINDOW);
    clock.add(Duration.ofSeconds(45));
    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).contains(Duration.ofSeconds(15));
    clock.add(Duration.ofSeconds(15));
    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).isEmpty();
  }

  @Test
  void theOwnerFromAnotherAddressIsNotBlockedByAnAttackersFailures() {
    failTimes(ALICE, "10.6.6.6", 5);

    assertThat(throttle.retryAfter(ALICE, "10.6.6.6")).isPresent();
    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).isEmpty();
  }

  @Test
  void sprayingFromASharedAddressNeverBlocksAUserWhoHasNotFailed() {
    // Twenty accounts, one guess each, from the address every client shares behind a proxy.
    for (int i = 0; i < 20; i++) {
      throttle.recordFailure(LoginThrottle.accountKey("victim" + i), "10.0.0.1");
    }

    assertThat(throttle.retryAfter(BOB, "10.0.0.1")).isEmpty();
    // The address is under pressure: each account now gets one failure from it, not five.
    throttle.recordFailure(BOB, "10.0.0.1");
    assertThat(throttle.retryAfter(BOB, "10.0.0.1")).isPresent();
    assertThat(throttle.retryAfter(LoginThrottle.accountKey("victim0"), "10.0.0.1")).isPresent();
    assertThat(throttle.retryAfter(BOB, "10.0.0.2")).isEmpty();
  }

  @Test
  void distributedGuessingAgainstOneAccountGetsOneTryPerAddress() {
    for (int i = 0; i < 6; i++) {
      throttle.recordFailure(ALICE, "10.1.0." + i);
    }

    throttle.recordFailure(ALICE, "10.1.0.99");

    assertThat(throttle.retryAfter(ALICE, "10.1.0.99")).isPresent();
    assertThat(throttle.retryAfter(ALICE, "10.1.0.100")).as("an address that has not failed").isEmpty();
  }

  @Test
  void unknownLoginNamesAreFoldedLikeTheDatabaseComparesThem() {
    assertThat(LoginThrottle.unknownLoginKey(" ÄLÌCE "))
        .isEqualTo(LoginThrottle.unknownLoginKey("alice"))
        .isEqualTo(LoginThrottle.unknownLoginKey("Ａｌｉｃｅ"))
        .isNotEqualTo(LoginThrottle.accountKey("alice"));
    failTimes(LoginThrottle.unknownLoginKey("Nobody"), "10.0.0.1", 3);
    failTimes(LoginThrottle.unknownLoginKey("NÖBODY"), "10.0.0.1", 2);

    assertThat(throttle.retryAfter(LoginThrottle.unknownLoginKey("nobody"), "10.0.0.1")).isPresent();
  }

  @Test
  void aSuccessClearsOnlyItsOwnPair() {
    failTimes(ALICE, "10.0.0.1", 4);
    failTimes(BOB, "10.0.0.1", 4);
    throttle.recordSuccess(ALICE, "10.0.0.1");
    throttle.recordFailure(ALICE, "10.0.0.1");
    throttle.recordFailure(BOB, "10.0.0.1");

    assertThat(throttle.retryAfter(ALICE, "10.0.0.1")).isEmpty();
    assertThat(throttle.retryAfter(BOB, "10.0.0.1")).isPresent();
  }

  @Test
  void aSuccessDoesNotClearTheAddressFailures() {
    for (int i = 0; i < 12; i++) {
      throttle.recordFailure(LoginThrottle.accountKey("victim" + i), "10.6.6.6");
    }
    throttle.recordSuccess(LoginThrottle.accountKey("mallory"), "10.6.6.6"); // the attacker's own account

    throttle.recordFailure(BOB, "10.6.6.6");

    assertThat(throttle.retryAfter(BOB, "10.6.6.6")).isPresent();
  }

  private void failTimes(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(account, address);
    }
  }
}
