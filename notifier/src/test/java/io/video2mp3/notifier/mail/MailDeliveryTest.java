package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.notifier.config.Sleeper;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {

  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper recordingSleeper = sleeps::add;
  private final List<Integer> retried = new ArrayList<>();
  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(3));

  private Email email() throws Exception {
    return new Email(new InternetAddress("a@example.com"), "s", "t", "<p>h</p>", "id/finished");
  }

  @Test
  void retriesTransientFailuresWithBackoffThenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MailDelivery delivery = new MailDelivery(mail -> {
      if (calls.incrementAndGet() < 4) {
        throw new MessagingException("Could not connect to SMTP host");
      }
    }, policy, recordingSleeper, (attempt, failure) -> retried.add(attempt));

    DeliveryResult result = delivery.deliver(email());

    assertThat(result.sent()).isTrue();
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(retried).containsExactly(1, 2, 3);
  }

  @Test
  void givesUpAfterTheBoundedAttemptsWithoutSleepingAfterTheLast() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MailDelivery delivery = new MailDelivery(mail -> {
      calls.incrementAndGet();
      throw new MessagingException("Connection refused");
    }, policy, recordingSleeper, (attempt, failure) -> retried.add(attempt));

    DeliveryResult result = delivery.deliver(email());

    assertThat(result.sent()).isFalse();
    assertThat(result.permanent()).isFalse();
    assertThat(result.attempts()).isEqualTo(5);
    assertThat(result.failure()).contains("Connection refused");
    assertThat(calls).hasValue(5);
    assertThat(sleeps).hasSize(4);
  }

  @Test
  void aPermanentRejectionIsNotRetried() throws Exception {
    InternetAddress rcpt = new InternetAddress("a@example.com");
    SendFailedException rejected = new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(rcpt, "RCPT TO", 550, "550 no such user"),
        null, null, new InternetAddress[] {rcpt});
    AtomicInteger calls = new AtomicInteger();
    MailDelivery delivery = new MailDelivery(mail -> {
      calls.incrementAndGet();
      throw rejected;
    }, policy, recordingSleeper, (attempt, failure) -> retried.add(attempt));

    DeliveryResult result = delivery.deliver(email());

    assertThat(result.sent()).isFalse();
    assertThat(result.permanent()).isTrue();
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aTemporaryRejectionIsRetried() throws Exception {
    InternetAddress rcpt = new InternetAddress("a@example.com");
    MessagingException greylisted = new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(rcpt, "RCPT TO", 451, "451 try again later"),
        null, new InternetAddress[] {rcpt}, null);
    assertThat(MailFailures.isPermanent(greylisted)).isFalse();
  }

  @Test
  void interruptionWhileWaitingStopsRetrying() throws Exception {
    MailDelivery delivery = new MailDelivery(mail -> {
      throw new MessagingException("down");
    }, policy, duration -> {
      throw new InterruptedException("shutting down");
    }, (attempt, failure) -> { });

    assertThatThrownBy(() -> delivery.deliver(email())).isInstanceOf(InterruptedException.class);
  }
}
