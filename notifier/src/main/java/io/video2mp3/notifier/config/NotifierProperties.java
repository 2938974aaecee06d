package io.video2mp3.notifier.config;

import io.video2mp3.notifier.mail.RetryPolicy;
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

  /** RabbitMQ closes a channel whose delivery stays unacknowledged this long (its default consumer_timeout). */
  public static final Duration BROKER_CONSUMER_TIMEOUT = Duration.ofMinutes(30);
  /** The longest hold the settings may allow: well below the broker's consumer timeout. */
  public static final Duration MAX_HOLD = Duration.ofMinutes(20);

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
    // Computed from the parameters: the record's fields are assigned only after this body.
    Duration hold = longestHoldOfAPrefetchedDelivery(smtp, consumer, dedup);
    if (hold.compareTo(MAX_HOLD) > 0) {
      throw new IllegalArgumentException("a delivery could stay unacknowledged for about " + hold.toMinutes()
          + " min, more than the " + MAX_HOLD.toMinutes() + " min allowed (RabbitMQ's consumer timeout is "
          + BROKER_CONSUMER_TIMEOUT.toMinutes() + " min by default): lower SMTP_RETRY_ATTEMPTS, SMTP_TIMEOUT,"
          + " SMTP_RETRY_MAX_BACKOFF, NOTIFIER_MONGO_OUTAGE_WAIT or NOTIFIER_CLAIM_LEASE, or NOTIFIER_PREFETCH"
          + " relative to NOTIFIER_CONCURRENCY");
    }
  }

  /**
   * About the longest one worker holds a delivery before it acks it, dead-letters it or sends it to the
   * back of the queue: waiting out another delivery's claim, then a MongoDB outage, then every SMTP
   * attempt (a hung server costs about a connect and a read timeout each) with its back-off, then the
   * pause before it goes back.
   */
  static Duration longestHoldOfADelivery(Smtp smtp, Consumer consumer, Dedup dedup) {
    Duration claimWait = dedup.claimLease().plus(dedup.pollInterval().multipliedBy(3));
    Duration smtpAttempts = smtp.timeout().multipliedBy(2L * smtp.retry().attempts());
    Duration smtpBackoff = new RetryPolicy(smtp.retry().attempts(), smtp.retry().initialBackoff(),
        smtp.retry().maxBackoff()).totalBackoff();
    return claimWait.plus(dedup.mongoOutageWait()).plus(smtpAttempts).plus(smtpBackoff)
        .plus(consumer.requeueDelay());
  }

  /**
   * The same for the last prefetched delivery: it is unacknowledged from the moment the broker sends it,
   * and may first wait for a free worker while every worker holds one as long as it can.
   */
  static Duration longestHoldOfAPrefetchedDelivery(Smtp smtp, Consumer consumer, Dedup dedup) {
    int rounds = (consumer.prefetch() + consumer.concurrency() - 1) / consumer.concurrency();
    return longestHoldOfADelivery(smtp, consumer, dedup).multipliedBy(rounds);
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
   * How long handled message ids are remembered, and how long after its last renewal a claim ("sending")
   * protects a message before another delivery may assume its holder died and take it over.
   */
  public record Dedup(Duration retention, Duration claimLease, Duration pollInterval, Duration mongoOutageWait) {
    static final Duration MIN_CLAIM_LEASE = Duration.ofSeconds(3);

    public Dedup {
      mongoOutageWait = mongoOutageWait == null ? Duration.ofSeconds(60) : mongoOutageWait;
      requirePositive("notifier.dedup.retention", retention);
      requirePositive("notifier.dedup.claim-lease", claimLease);
      if (claimLease.compareTo(MIN_CLAIM_LEASE) < 0) {
        // renewed every third of it: under a second a MongoDB hiccup would lose a live claim
        throw new IllegalArgumentException("NOTIFIER_CLAIM_LEASE must be at least " + MIN_CLAIM_LEASE.toSeconds()
            + "s, was " + claimLease);
      }
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
