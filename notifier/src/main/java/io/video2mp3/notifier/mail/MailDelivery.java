package io.video2mp3.notifier.mail;

import io.video2mp3.notifier.config.Sleeper;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an email, retrying transient SMTP failures in-process with the {@link RetryPolicy}; what is
 * still failing after that is the caller's to retry later (a transient failure never loses the mail).
 */
public class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  /** Sends one email; {@link SmtpMailSender#send} in production. */
  @FunctionalInterface
  public interface Transport {
    void send(Email email) throws MessagingException;
  }

  /** Told about every failed attempt that will be retried (metrics). */
  @FunctionalInterface
  public interface RetryListener {
    void retrying(int failedAttempt, MessagingException failure);
  }

  private final Transport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RetryListener listener;

  public MailDelivery(Transport transport, RetryPolicy policy, Sleeper sleeper, RetryListener listener) {
    this.transport = transport;
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** @throws InterruptedException when shutting down while waiting between attempts */
  public DeliveryResult deliver(Email email) throws InterruptedException {
    MessagingException last = null;
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      try {
        transport.send(email);
        return DeliveryResult.sent(attempt);
      } catch (MessagingException e) {
        last = e;
        if (MailFailures.isPermanent(e)) {
          log.warn("SMTP refused the mail for {} permanently: {}", email.eventId(), describe(e));
          return DeliveryResult.failed(attempt, true, describe(e));
        }
        if (attempt < policy.attempts()) {
          log.warn("sending the mail for {} failed (attempt {}/{}), retrying in {}: {}", email.eventId(),
              attempt, policy.attempts(), policy.backoffAfter(attempt), describe(e));
          listener.retrying(attempt, e);
          sleeper.sleep(policy.backoffAfter(attempt));
        }
      }
    }
    log.warn("the mail for {} was not sent in {} attempts: {}", email.eventId(), policy.attempts(), describe(last));
    return DeliveryResult.failed(policy.attempts(), false, describe(last));
  }

  private static String describe(MessagingException e) {
    String message = e.getMessage();
    Exception next = e.getNextException();
    if (next != null && next.getMessage() != null && (message == null || !message.contains(next.getMessage()))) {
      message = message + " (" + next.getMessage() + ")";
    }
    return e.getClass().getSimpleName() + ": " + message;
  }
}
