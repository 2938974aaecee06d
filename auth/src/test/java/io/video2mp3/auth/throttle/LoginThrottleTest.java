package io.video2mp3.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.auth.config.ThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final LoginThrottle throttle =
      new LoginThrottle(new ThrottleSettings(5, 8, WINDOW, 1_000), clock);

  @Test
  void blocksAUsernameAfterFiveFailuresForOneWindow() {
    failTimes("alice", "10.0.0.1", 4);
    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();

    throttle.recordFailure("alice", "10.0.0.1");

    assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(WINDOW);
    assertThat(throttle.retryAfter("alice", "10.0.0.99")).contains(WINDOW); // from anywhere
    clock.add(Duration.ofSeconds(45));
    assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(15));
    clock.add(Duration.ofSeconds(15));
    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void otherUsersAreUnaffectedByAnotherUsersBlock() {
    failTimes("alice", "10.0.0.1", 5);

    assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();
    assertThat(throttle.retryAfter("bob", "10.0.0.2")).isEmpty();
  }

  @Test
  void usernamesAreComparedLikeTheDatabaseDoes() {
    failTimes("Alice", "10.0.0.1", 3);
    failTimes(" alice ", "10.0.0.2", 2);

    assertThat(throttle.retryAfter("ALICE", "10.0.0.3")).isPresent();
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    failTimes("alice", "10.0.0.1", 4);
    clock.add(WINDOW);
    failTimes("alice", "10.0.0.1", 4);

    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void aBlockEndsWithAFreshCount() {
    failTimes("alice", "10.0.0.1", 5);
    clock.add(WINDOW);

    throttle.recordFailure("alice", "10.0.0.1");

    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void aSuccessfulLoginClearsTheUsernamesFailures() {
    failTimes("alice", "10.0.0.1", 4);
    throttle.recordSuccess("alice");
    failTimes("alice", "10.0.0.2", 4); // another address, so that only the username counts

    assertThat(throttle.retryAfter("alice", "10.0.0.2")).isEmpty();
  }

  @Test
  void blocksAnAddressThatTriesManyUsernames() {
    for (int i = 0; i < 8; i++) {
      throttle.recordFailure("user" + i, "10.6.6.6");
    }

    assertThat(throttle.retryAfter("someone-else", "10.6.6.6")).contains(WINDOW);
    assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).isEmpty();
  }

  @Test
  void aSuccessDoesNotClearTheAddressFailures() {
    for (int i = 0; i < 7; i++) {
      throttle.recordFailure("victim" + i, "10.6.6.6");
    }
    throttle.recordSuccess("mallory"); // the attacker's own account

    throttle.recordFailure("victim7", "10.6.6.6");

    assertThat(throttle.retryAfter("mallory", "10.6.6.6")).isPresent();
  }

  @Test
  void reportsTheLongerOfTwoBlocks() {
    failTimes("alice", "10.0.0.1", 5);
    clock.add(Duration.ofSeconds(20));
    for (int i = 0; i < 8; i++) {
      throttle.recordFailure("user" + i, "10.0.0.1");
    }

    assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(WINDOW);
  }

  private void failTimes(String username, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(username, address);
    }
  }
}
