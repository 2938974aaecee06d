package io.video2mp3.notifier.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notifier's counters (Prometheus: notifier_emails_sent_total, notifier_emails_failed_total,
 * notifier_messages_duplicates_total, notifier_messages_dead_lettered_total, notifier_smtp_retries_total,
 * notifier_messages_requeued_total). Registered up front so they read 0 rather than being absent.
 */
public class NotifierMetrics {

  private final Counter sentSuccess;
  private final Counter sentFailure;
  private final Counter failed;
  private final Counter duplicates;
  private final Counter deadLetteredInvalid;
  private final Counter deadLetteredSmtp;
  private final Counter deadLetteredError;
  private final Counter smtpRetries;
  private final Counter requeued;

  public NotifierMetrics(MeterRegistry registry) {
    sentSuccess = sent(registry, "succeeded");
    sentFailure = sent(registry, "failed");
    failed = Counter.builder("notifier.emails.failed")
        .description("Emails the SMTP server refused for good (then dead-lettered)").register(registry);
    duplicates = Counter.builder("notifier.messages.duplicates")
        .description("Messages dropped because their mail was already sent").register(registry);
    deadLetteredInvalid = deadLettered(registry, "invalid");
    deadLetteredSmtp = deadLettered(registry, "smtp");
    deadLetteredError = deadLettered(registry, "error");
    smtpRetries = Counter.builder("notifier.smtp.retries")
        .description("Failed SMTP attempts that were retried").register(registry);
    requeued = Counter.builder("notifier.messages.requeued")
        .description("Messages sent to the back of the queue because MongoDB or the SMTP server was unavailable")
        .register(registry);
  }

  private static Counter sent(MeterRegistry registry, String conversion) {
    return Counter.builder("notifier.emails.sent").tag("conversion", conversion)
        .description("Emails accepted by the SMTP server").register(registry);
  }

  private static Counter deadLettered(MeterRegistry registry, String reason) {
    return Counter.builder("notifier.messages.dead.lettered").tag("reason", reason)
        .description("Messages rejected without requeue (to mp3.dead)").register(registry);
  }

  public void sent(boolean succeededConversion) {
    (succeededConversion ? sentSuccess : sentFailure).increment();
  }

  public void failed() {
    failed.increment();
  }

  public void duplicate() {
    duplicates.increment();
  }

  public void deadLetteredInvalid() {
    deadLetteredInvalid.increment();
  }

  public void deadLetteredSmtp() {
    deadLetteredSmtp.increment();
  }

  public void deadLetteredError() {
    deadLetteredError.increment();
  }

  public void smtpRetry() {
    smtpRetries.increment();
  }

  public void requeued() {
    requeued.increment();
  }
}
