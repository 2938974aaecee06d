package io.video2mp3.notifier.mail;

import io.video2mp3.notifier.config.NotifierProperties;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one email per SMTP connection with plain Jakarta Mail (Angus). Chosen over Spring's
 * JavaMailSender because the notifier needs exactly three things that are clearer written out than
 * configured through spring.mail.*: the SMTP_SECURITY mapping (STARTTLS <em>required</em>, never a silent
 * downgrade), hard connect/read/write timeouts so a hung server cannot stall a consumer thread, and a
 * connect-only reachability check for the health indicator. No extra Spring module is needed either.
 */
public class SmtpMailSender {

  public static final String EVENT_HEADER = "X-Video2mp3-Event";

  private final NotifierProperties.Smtp smtp;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;

  public SmtpMailSender(NotifierProperties.Smtp smtp, Clock clock) {
    this.smtp = smtp;
    this.clock = clock;
    this.from = parseFrom(smtp.from());
    this.session = Session.getInstance(sessionProperties(smtp, from));
  }

  static Properties sessionProperties(NotifierProperties.Smtp smtp, InternetAddress from) {
    Properties props = new Properties();
    String timeout = Long.toString(smtp.timeout().toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.effectivePort()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.from", from.getAddress());
    props.put("mail.smtp.auth", Boolean.toString(smtp.authenticates()));
    switch (smtp.security()) {
      case STARTTLS -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        props.put("mail.smtp.ssl.enable", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {
        // plain SMTP, e.g. a relay inside the cluster
      }
    }
    return props;
  }

  public void send(Email email) throws MessagingException {
    MimeMessage message = toMimeMessage(email);
    try (Transport transport = connect()) {
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** Connects (and authenticates) without sending: the readiness check. */
  public void checkConnection() throws MessagingException {
    try (Transport transport = connect()) {
      // connected is enough
    }
  }

  public String endpoint() {
    return smtp.host() + ":" + smtp.effectivePort();
  }

  MimeMessage toMimeMessage(Email email) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, email.to());
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader(EVENT_HEADER, email.eventId());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
    // Least preferred first: clients show the last part they understand.
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  private Transport connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    if (smtp.authenticates()) {
      transport.connect(smtp.host(), smtp.effectivePort(), smtp.user(), smtp.password());
    } else {
      transport.connect(smtp.host(), smtp.effectivePort(), null, null);
    }
    return transport;
  }

  private static InternetAddress parseFrom(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP_FROM is not a valid address: " + e.getMessage(), e);
    }
  }
}
