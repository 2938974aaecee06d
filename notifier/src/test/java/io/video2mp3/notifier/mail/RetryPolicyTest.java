package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));

    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void totalBackoffOfTheDefaultsIsBounded() {
    RetryPolicy defaults = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(defaults.totalBackoff()).isEqualTo(Duration.ofSeconds(1 + 2 + 4 + 8));
  }
}
