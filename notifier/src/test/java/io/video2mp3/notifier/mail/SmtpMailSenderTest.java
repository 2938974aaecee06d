package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.notifier.config.NotifierProperties;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpMailSenderTest {

  private static NotifierProperties.Smtp smtp(SmtpSecurity security, Integer port, String user, String from) {
    return new NotifierProperties.Smtp("mail.example.com", port, user, "secret", security, from,
        Duration.ofSeconds(3), null,
        new NotifierProperties.Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30)));
  }

  @Test
  void buildsPlainTextWithAnHtmlAlternative() throws Exception {
    SmtpMailSender sender = new SmtpMailSender(smtp(SmtpSecurity.NONE, 2525, null, "video2mp3 <noreply@example.com>"),
        Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    Email email = new Email(new InternetAddress("bob@example.com"), "Your MP3 is ready: Grüße.mp3",
        "plain ü", "<p>html ü</p>", "uid/finished");

    MimeMessage message = sender.toMimeMessage(email);

    assertThat(message.getSubject()).isEqualTo("Your MP3 is ready: Grüße.mp3");
    assertThat(message.getFrom()[0].toString()).isEqualTo("video2mp3 <noreply@example.com>");
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("bob@example.com");
    assertThat(message.getHeader(SmtpMailSender.EVENT_HEADER)[0]).isEqualTo("uid/finished");
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("plain ü");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>html ü</p>");
  }

  @Test
  void securityModesMapToSessionProperties() throws Exception {
    InternetAddress from = new InternetAddress("noreply@example.com");

    Properties none = SmtpMailSender.sessionProperties(smtp(SmtpSecurity.NONE, null, null, "noreply@example.com"), from);
    Properties starttls = SmtpMailSender.sessionProperties(smtp(SmtpSecurity.STARTTLS, null, "u", "noreply@example.com"), from);
    Properties ssl = SmtpMailSender.sessionProperties(smtp(SmtpSecurity.SSL, null, "u", "noreply@example.com"), from);

    assertThat(none).containsEntry("mail.smtp.port", "25").containsEntry("mail.smtp.auth", "false")
        .doesNotContainKey("mail.smtp.starttls.enable").doesNotContainKey("mail.smtp.ssl.enable")
        .containsEntry("mail.smtp.connectiontimeout", "3000").containsEntry("mail.smtp.timeout", "3000");
    assertThat(starttls).containsEntry("mail.smtp.port", "587").containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true");
    assertThat(ssl).containsEntry("mail.smtp.port", "465").containsEntry("mail.smtp.ssl.enable", "true");
  }

  @Test
  void refusesAnInvalidSender() {
    assertThatThrownBy(() -> new SmtpMailSender(smtp(SmtpSecurity.NONE, null, null, "not an address"),
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMTP_FROM");
  }
}
