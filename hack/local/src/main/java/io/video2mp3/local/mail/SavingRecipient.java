package io.video2mp3.local.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any address the local SMTP server takes mail for: GreenMail hands it each delivery, which it saves in
 * the mail folder instead of an in-memory mailbox (that grew without bound, and whose messages the old
 * saver took by position across all mailboxes: lost and doubled mails once two people got mail).
 * A delivery that cannot be saved throws, so GreenMail answers 451 and the sender tries again.
 */
record SavingRecipient(String email, MailFolder folder) implements GreenMailUser {

  private static final Logger LOG = LoggerFactory.getLogger(SavingRecipient.class);

  @Override
  public void deliver(MovingMessage msg) {
    deliver(msg.getMessage());
  }

  @Override
  public void deliver(MimeMessage message) {
    try {
      Path file = folder.save(message, email);
      LOG.info("mail to {}: \"{}\" saved as {}", email, message.getSubject(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a mail to " + email + " in " + folder.dir(), e);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot save a mail to " + email + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String getEmail() {
    return email;
  }

  @Override
  public String getLogin() {
    return email;
  }

  @Override
  public String getQualifiedMailboxName() {
    return email;
  }

  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public void setPassword(String password) {
    throw new UnsupportedOperationException("the local mailbox has no logins");
  }

  @Override
  public void authenticate(String password) throws UserException {
    throw new UserException("the local mailbox has no logins: read the mails in " + folder.dir());
  }

  @Override
  public void create() {
    // nothing to create: mails go to the folder
  }

  @Override
  public void delete() {
    // nothing to delete: the files stay
  }
}
