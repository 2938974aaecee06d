package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Permanent (dead-lettered) versus transient (tried again later, never lost) SMTP failures. */
class MailFailuresTest {

  private static SendFailedException recipientRejected(int code) throws Exception {
    InternetAddress rcpt = new InternetAddress("a@example.com");
    boolean permanent = code >= 500;
    return new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(rcpt, "RCPT TO", code, code + " rejected"),
        null, permanent ? null : new InternetAddress[] {rcpt}, permanent ? new InternetAddress[] {rcpt} : null);
  }

  private static SMTPSendFailedException messageRefused(int code) {
    return new SMTPSendFailedException("MAIL FROM", code, code + " refused", null, null, null, null);
  }

  @Test
  void aRecipientOrMessageRefusedWithA5xxIsPermanent() throws Exception {
    assertThat(MailFailures.isPermanent(recipientRejected(550))).isTrue();
    assertThat(MailFailures.isPermanent(recipientRejected(553))).isTrue();
    assertThat(MailFailures.isPermanent(messageRefused(552))).isTrue(); // message too large
    assertThat(MailFailures.isPermanent(messageRefused(554))).isTrue(); // content rejected
  }

  @Test
  void aServerThatIsDownSlowOrBusyIsTransient() throws Exception {
    assertThat(MailFailures.isPermanent(new MessagingException("Couldn't connect to host, port: localhost, 25",
        new ConnectException("Connection refused")))).isFalse();
    assertThat(MailFailures.isPermanent(new MessagingException("Exception reading response",
        new SocketTimeoutException("Read timed out")))).isFalse();
    assertThat(MailFailures.isPermanent(recipientRejected(451))).isFalse(); // greylisting
    assertThat(MailFailures.isPermanent(messageRefused(421))).isFalse(); // service not available
    assertThat(MailFailures.isPermanent(messageRefused(452))).isFalse(); // insufficient storage
  }

  @Test
  void authenticationProblemsAreTransientEvenAs5xx() {
    // The server or our credentials are not ready for any mail: fixing the configuration sends them all.
    assertThat(MailFailures.isPermanent(new AuthenticationFailedException("535 5.7.8 bad credentials"))).isFalse();
    assertThat(MailFailures.isPermanent(messageRefused(530))).isFalse(); // authentication required
    assertThat(MailFailures.isPermanent(messageRefused(535))).isFalse();
    assertThat(MailFailures.isPermanent(messageRefused(538))).isFalse(); // encryption required
  }
}
