package io.video2mp3.auth.throttle;

import io.video2mp3.auth.config.ThrottleSettings;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins so that guessing is slow while nobody else is locked out.
 *
 * <ul>
 *   <li>The unit that is blocked is an (account, client address) pair: after {@code
 *       maxFailuresPerUsername} failures it refuses every attempt, right or wrong, for one window after
 *       its last failure (a right password answered during the block would let guessing go on).
 *   <li>The account is the one the login name resolves to (any case or accent variant the database
 *       matches, or the email), so variants share one count; a name that resolves to no account is
 *       counted under its normalized form, so guessing unknown names costs the same.
 *   <li>An address with {@code maxFailuresPerAddress} failures across accounts (password spraying),
 *       or an account with {@code maxFailuresPerAccount} failures across addresses (distributed
 *       guessing), is under pressure: each of its pairs is then blocked after its first failure.
 * </ul>
 *
 * Nothing else refuses an attempt, so a user whose own password is right and whose own pair has not
 * failed always gets in, however many failures others cause from the same (shared) address or against
 * other accounts.
 *
 * <p>State is per instance (in memory); with several replicas the limits apply per replica.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final ThrottleSettings settings;
  private final FailureCounter<Pair> byPair;
  private final FailureCounter<String> byAddress;
  private final FailureCounter<String> byAccount;

  public LoginThrottle(ThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.byPair = new FailureCounter<>(settings.window(), settings.maxEntries(), clock);
    this.byAddress = new FailureCounter<>(settings.window(), settings.maxEntries(), clock);
    this.byAccount = new FailureCounter<>(settings.window(), settings.maxEntries(), clock);
  }

  /** The throttle key of an existing account: its immutable id. */
  public static String accountKey(String uid) {
    return "uid:" + uid;
  }

  /**
   * The throttle key of a login name that resolves to no account: case, accents, compatibility forms
   * and surrounding spaces folded, roughly as the database's collation compares them.
   */
  public static String unknownLoginKey(String login) {
    String folded = Normalizer.normalize(login == null ? "" : login, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .strip()
        .toLowerCase(Locale.ROOT);
    return "login:" + folded;
  }

  /** How long the caller must wait before trying again, or empty if they may try now. */
  public Optional<Duration> retryAfter(String account, String address) {
    Pair pair = new Pair(account, addressKey(address));
    int failures = byPair.failures(pair);
    if (failures == 0 || failures < limitFor(pair)) {
      return Optional.empty();
    }
    return byPair.forgottenIn(pair);
  }

  public void recordFailure(String account, String address) {
    Pair pair = new Pair(account, addressKey(address));
    int addressFailures = byAddress.recordFailure(pair.address());
    int accountFailures = byAccount.recordFailure(account);
    int pairFailures = byPair.recordFailure(pair);
    // Logged once per crossing; never the login name (people type passwords into it).
    if (addressFailures == settings.maxFailuresPerAddress()) {
      log.warn("Address {} failed {} logins across accounts; its other attempts now get one try each",
          pair.address(), addressFailures);
    }
    if (accountFailures == settings.maxFailuresPerAccount()) {
      log.warn("An account failed {} logins across addresses; each address now gets one try", accountFailures);
    }
    if (pairFailures == settings.maxFailuresPerUsername()) {
      log.warn("Throttling an account's logins from address {} after repeated failures", pair.address());
    }
  }

  /**
   * Forgets the pair's failures. The address's and the account's counts are kept, or an attacker could
   * clear their address's count by logging in to their own account between guesses.
   */
  public void recordSuccess(String account, String address) {
    byPair.reset(new Pair(account, addressKey(address)));
  }

  private int limitFor(Pair pair) {
    boolean underPressure = byAddress.failures(pair.address()) >= settings.maxFailuresPerAddress()
        || byAccount.failures(pair.account()) >= settings.maxFailuresPerAccount();
    return underPressure ? 1 : settings.maxFailuresPerUsername();
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }

  private record Pair(String account, String address) {}
}
