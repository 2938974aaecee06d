package io.video2mp3.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.auth.error.ApiException;
import io.video2mp3.auth.throttle.LoginThrottle;
import io.video2mp3.auth.token.JwtService;
import io.video2mp3.auth.user.User;
import io.video2mp3.auth.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks passwords under the failed-login throttle, and issues tokens for good HTTP Basic logins. */
@Service
class LoginService {

  static final String BASIC_CHALLENGE = "Basic realm=\"video2mp3\", charset=\"UTF-8\"";

  private final UserService users;
  private final PasswordEncoder passwords;
  private final LoginThrottle throttle;
  private final JwtService jwt;
  private final MeterRegistry meters;
  private final Clock clock;

  /**
   * Compared against when the user does not exist, so that an unknown user costs the same BCrypt
   * time as a wrong password and the response time does not tell which one it was.
   */
  private final String unknownUserHash;

  LoginService(
      UserService users,
      PasswordEncoder passwords,
      LoginThrottle throttle,
      JwtService jwt,
      MeterRegistry meters,
      Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.jwt = jwt;
    this.meters = meters;
    this.clock = clock;
    this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  /**
   * @return a token for the user named by the header's user-id (a username or an email)
   * @throws ApiException 401 for missing or wrong credentials (the same answer for an unknown user
   *     and a wrong password), 429 while this account is throttled for this address
   */
  String login(String authorizationHeader, String clientAddress) {
    BasicCredentials credentials =
        BasicCredentials.parse(authorizationHeader)
            .orElseThrow(() -> ApiException.unauthorized(BASIC_CHALLENGE, "HTTP Basic credentials are required"));
    Optional<User> user = users.findByLogin(credentials.username());
    String account = user.map(u -> LoginThrottle.accountKey(u.uid()))
        .orElseGet(() -> LoginThrottle.unknownLoginKey(credentials.username()));
    if (!check(account, clientAddress, credentials.password(), user)) {
      throw ApiException.unauthorized(BASIC_CHALLENGE, "invalid username or password");
    }
    User u = user.get();
    awaitFirstValidIssueSecond(u);
    return jwt.issue(u.uid(), u.username(), u.email(), u.admin());
  }

  /**
   * Checks an existing user's password under the same throttle as logins (a stolen token must not
   * let its holder guess the password through the password change).
   *
   * @throws ApiException 429 while this account is throttled for this address
   */
  boolean checkPassword(User user, String password, String clientAddress) {
    return check(LoginThrottle.accountKey(user.uid()), clientAddress, password, Optional.of(user));
  }

  private boolean check(String account, String clientAddress, String password, Optional<User> user) {
    Optional<Duration> retryAfter = throttle.retryAfter(account, clientAddress);
    if (retryAfter.isPresent()) {
      count("throttled");
      throw ApiException.tooManyRequests(retryAfter.get(), "too many failed logins; try again later");
    }
    String hash = user.map(User::passwordHash).orElse(unknownUserHash);
    if (!passwords.matches(password, hash) || user.isEmpty()) {
      throttle.recordFailure(account, clientAddress);
      count("failure");
      return false;
    }
    throttle.recordSuccess(account, clientAddress);
    count("success");
    return true;
  }

  /**
   * A token issued in the second of a password change would be refused (its whole-second iat cannot
   * show it came after the change), so a login in that second waits for the next one: at most a second.
   */
  private void awaitFirstValidIssueSecond(User user) {
    long waitMillis = user.firstValidIssueSecond() * 1000 - clock.millis();
    if (waitMillis <= 0) {
      return;
    }
    try {
      Thread.sleep(Math.min(waitMillis, 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to issue a token", e);
    }
  }

  private void count(String outcome) {
    meters.counter("auth.logins", "outcome", outcome).increment();
  }
}
