package io.video2mp3.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.notifier.mail.SmtpSecurity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings never let a delivery be held anywhere near RabbitMQ's consumer timeout. */
class NotifierPropertiesTest {

  /** As application.yml's defaults. */
  private static NotifierProperties properties(int attempts, int prefetch, int concurrency) {
    return new NotifierProperties("amqp://localhost", "mongodb://localhost/video2mp3", "http://localhost:8080", 7,
        new NotifierProperties.Smtp("localhost", null, null, null, SmtpSecurity.NONE, "noreply@example.com",
            Duration.ofSeconds(10), null,
            new NotifierProperties.Retry(attempts, Duration.ofSeconds(1), Duration.ofSeconds(30))),
        new NotifierProperties.Consumer(prefetch, concurrency, Duration.ofSeconds(5), Duration.ofSeconds(10)),
        new NotifierProperties.Dedup(Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofSeconds(1),
            Duration.ofSeconds(60)));
  }

  @Test
  void theDefaultsHoldADeliveryWellBelowTheConsumerTimeout() {
    NotifierProperties defaults = properties(5, 8, 4);

    // 5 min claim lease + 3 s polls + 60 s MongoDB + 5 x 2 x 10 s SMTP + 15 s back-off + 5 s pause
    Duration hold = NotifierProperties.longestHoldOfADelivery(defaults.smtp(), defaults.consumer(), defaults.dedup());
    assertThat(hold).isEqualTo(Duration.ofSeconds(300 + 3 + 60 + 100 + 15 + 5));
    // the last of 8 prefetched deliveries may first wait for one of the 4 workers
    assertThat(NotifierProperties.longestHoldOfAPrefetchedDelivery(defaults.smtp(), defaults.consumer(),
        defaults.dedup())).isEqualTo(hold.multipliedBy(2)).isLessThan(NotifierProperties.MAX_HOLD);
  }

  @Test
  void settingsThatCouldHoldADeliveryTooLongAreRefusedAtStartUp() {
    assertThatThrownBy(() -> properties(60, 8, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unacknowledged").hasMessageContaining("SMTP_RETRY_ATTEMPTS");
    assertThatThrownBy(() -> properties(5, 100, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOTIFIER_PREFETCH");
  }
}
