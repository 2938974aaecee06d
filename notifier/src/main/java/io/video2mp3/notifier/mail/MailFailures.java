package io.video2mp3.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Tells failures worth retrying (server down, 4xx) from those that never succeed (5xx for this mail). */
public final class MailFailures {

  private MailFailures() {
  }

  /**
   * Permanent when the server answered this message or recipient with a 5xx reply: retrying the same
   * mail gets the same answer. Connection problems, timeouts, 4xx replies and authentication failures
   * are retried (the last may be a server-side hiccup; if not, the message ends in the dead-letter
   * queue after the bounded attempts and can be replayed once the configuration is fixed).
   */
  public static boolean isPermanent(MessagingException failure) {
    Exception current = failure;
    int depth = 0;
    while (current != null && depth++ < 10) {
      if (current instanceof SMTPAddressFailedException address && isPermanentCode(address.getReturnCode())) {
        return true;
      }
      if (current instanceof SMTPSendFailedException send && isPermanentCode(send.getReturnCode())) {
        return true;
      }
      current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    return failure instanceof SendFailedException sendFailed
        && sendFailed.getValidSentAddresses() == null
        && sendFailed.getValidUnsentAddresses() == null
        && sendFailed.getInvalidAddresses() != null
        && sendFailed.getInvalidAddresses().length > 0;
  }

  private static boolean isPermanentCode(int code) {
    return code >= 500 && code < 600;
  }
}
