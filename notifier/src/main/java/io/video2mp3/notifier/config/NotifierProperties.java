package io.video2mp3.notifier.config;

import io.video2mp3.notifier.mail.SmtpSecurity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the notifier; application.yml maps the documented environment variables
 * (RABBITMQ_URI, MONGODB_URI, SMTP_*, PUBLIC_BASE_URL, RETENTION_DAYS, ...) onto these names.
 */
@ConfigurationProperties(prefix = "notifier")
public record NotifierProperties(
    String rabbitmqUri,
    String mongodbUri,
    String publicBaseUrl,
    int retentionDays,
    Smtp smtp,
    Consumer consumer,
    Dedup dedup) {

  public NotifierProperties {
    requireText("notifier.rabbitmq-uri (RABBITMQ_URI)", rabbitmqUri);
    requireText("notifier.mongodb-uri (MONGODB_URI)", mongodbUri);
    requireText("notifier.public-base-url (PUBLIC_BASE_URL)", publicBaseUrl);
    if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("PUBLIC_BASE_URL must be an http(s) URL, was " + publicBaseUrl);
    }
    if (retentionDays < 1) {
      throw new IllegalArgumentException("RETENTION_DAYS must be at least 1, was " + retentionDays);
    }
    require("notifier.smtp", smtp);
    require("notifier.consumer", consumer);
    require("notifier.dedup", dedup);
  }

  /** SMTP server, sender and the in-process retry of failed sends. */
  public record Smtp(
      String host,
      Integer port,
      String user,
      String password,
      SmtpSecurity security,
      String from,
      Duration timeout,
      Duration healthCacheTtl,
      Retry retry) {

    public Smtp {
      requireText("notifier.smtp.host (SMTP_HOST)", host);
      requireText("notifier.smtp.from (SMTP_FROM)", from);
      security = security == null ? SmtpSecurity.NONE : security;
      if (port != null && (port < 1 || port > 65535)) {
        throw new IllegalArgumentException("SMTP_PORT must be 1-65535, was " + port);
      }
      requirePositive("notifier.smtp.timeout", timeout);
      healthCacheTtl = healthCacheTtl == null ? Duration.ofSeconds(30) : healthCacheTtl;
      require("notifier.smtp.retry", retry);
    }

    /** The configured port, else the usual one for the security mode (25, 587 or 465). */
    public int effectivePort() {
      return port != null ? port : security.defaultPort();
    }

    public boolean authenticates() {
      return user != null && !user.isBlank();
    }
  }

  /** Bounded exponential back-off between SMTP attempts. */
  public record Retry(int attempts, Duration initialBackoff, Duration maxBackoff) {
    public Retry {
      if (attempts < 1 || attempts > 100) {
        throw new IllegalArgumentException("SMTP retry attempts must be 1-100, was " + attempts);
      }
      requirePositive("notifier.smtp.retry.initial-backoff", initialBackoff);
      requirePositive("notifier.smtp.retry.max-backoff", maxBackoff);
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("SMTP retry max-backoff must not be below initial-backoff");
      }
    }
  }

  /** The queue consumer: unacknowledged messages in flight, worker threads, delay before a requeue. */
  public record Consumer(int prefetch, int concurrency, Duration requeueDelay, Duration connectTimeout) {
    public Consumer {
      if (prefetch < 1 || prefetch > 1000) {
        throw new IllegalArgumentException("notifier.consumer.prefetch must be 1-1000, was " + prefetch);
      }
      if (concurrency < 1 || concurrency > prefetch) {
        throw new IllegalArgumentException("notifier.consumer.concurrency must be 1-prefetch, was " + concurrency);
      }
      requirePositive("notifier.consumer.requeue-delay", requeueDelay);
      requirePositive("notifier.consumer.connect-timeout", connectTimeout);
    }
  }

  /**
   * How long handled message ids are remembered, and how long a claim ("sending") protects a message
   * before another delivery may assume its holder died and take it over.
   */
  public record Dedup(Duration retention, Duration claimLease, Duration pollInterval, Duration mongoOutageWait) {
    public Dedup {
      mongoOutageWait = mongoOutageWait == null ? Duration.ofSeconds(60) : mongoOutageWait;
      requirePositive("notifier.dedup.retention", retention);
      requirePositive("notifier.dedup.claim-lease", claimLease);
      requirePositive("notifier.dedup.poll-interval", pollInterval);
    }
  }

  private static void require(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
