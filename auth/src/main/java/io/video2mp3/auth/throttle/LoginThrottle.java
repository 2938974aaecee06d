package io.video2mp3.auth.throttle;

import io.video2mp3.auth.config.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins per username and per client address. A blocked username or address is
 * refused every attempt, right or wrong, until the block ends: answering a right password during the
 * block would let guessing go on. Other usernames from other addresses are unaffected.
 *
 * <p>State is per instance (in memory); with several replicas the limits apply per replica.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final FailureCounter byUsername;
  private final FailureCounter byAddress;

  public LoginThrottle(ThrottleSettings settings, Clock clock) {
    this.byUsername =
        new FailureCounter(settings.maxFailuresPerUsername(), settings.window(), settings.maxEntries(), clock);
    this.byAddress =
        new FailureCounter(settings.maxFailuresPerAddress(), settings.window(), settings.maxEntries(), clock);
  }

  /** How long the caller must wait before trying again, or empty if they may try now. */
  public Optional<Duration> retryAfter(String username, String address) {
    return Stream.of(byUsername.blockedFor(usernameKey(username)), byAddress.blockedFor(addressKey(address)))
        .flatMap(Optional::stream)
        .max(Duration::compareTo);
  }

  public void recordFailure(String username, String address) {
    if (byUsername.recordFailure(usernameKey(username))) {
      // Not the username itself: people type their password into the username field.
      log.warn("Throttling logins for a username after repeated failures");
    }
    if (byAddress.recordFailure(addressKey(address))) {
      log.warn("Throttling logins from address {} after repeated failures", address);
    }
  }

  /**
   * Forgets the username's failures. The address's are kept, or an attacker could clear their
   * address's count by logging in to their own account between guesses.
   */
  public void recordSuccess(String username) {
    byUsername.reset(usernameKey(username));
  }

  // "Alice" and "alice " are the same account (the database compares case-insensitively).
  private static String usernameKey(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }
}
