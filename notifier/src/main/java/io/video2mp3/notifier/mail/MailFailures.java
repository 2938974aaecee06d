package io.video2mp3.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Tells failures worth retrying (server down or misconfigured, 4xx) from those that never succeed
 * (5xx for this mail or its recipient).
 */
public final class MailFailures {

  /** Authentication required / too weak / credentials invalid / encryption required (RFC 4954). */
  private static final Set<Integer> AUTHENTICATION_CODES = Set.of(530, 534, 535, 538);

  private MailFailures() {
  }

  /**
   * Permanent when the server answered this message or recipient with a 5xx reply: retrying the same
   * mail gets the same answer, so it goes to the dead-letter queue. Everything else is transient and
   * never dead-letters: connection problems, timeouts, 4xx replies, and authentication failures,
   * including the 5xx authentication replies of RFC 4954 (530, 534, 535, 538): those say the server or
   * our credentials are not ready for any mail, not that this one is wrong, and once the configuration
   * is fixed the waiting mails go out.
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
    return code >= 500 && code < 600 && !AUTHENTICATION_CODES.contains(code);
  }
}
