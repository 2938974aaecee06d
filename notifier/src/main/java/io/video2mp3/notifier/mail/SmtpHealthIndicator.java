package io.video2mp3.notifier.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness: can we open (and authenticate) an SMTP connection? The result is cached briefly so
 * frequent probes do not hammer the mail server; the connection itself is bounded by the SMTP timeout.
 */
public class SmtpHealthIndicator implements HealthIndicator {

  private record Checked(Instant at, Health health) {
  }

  private final SmtpMailSender sender;
  private final Clock clock;
  private final Duration cacheFor;
  private final AtomicReference<Checked> last = new AtomicReference<>();

  public SmtpHealthIndicator(SmtpMailSender sender, Clock clock, Duration cacheFor) {
    this.sender = sender;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Checked checked = last.get();
    if (checked != null && checked.at().plus(cacheFor).isAfter(now)) {
      return checked.health();
    }
    Health health;
    try {
      sender.checkConnection();
      health = Health.up().withDetail("server", sender.endpoint()).build();
    } catch (Exception e) {
      // The exception type is enough to tell refused/timeout/auth apart; no stack trace in the answer.
      health = Health.down().withDetail("server", sender.endpoint())
          .withDetail("error", e.getClass().getSimpleName()).build();
    }
    last.set(new Checked(now, health));
    return health;
  }
}
