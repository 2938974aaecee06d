package io.video2mp3.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.auth.error.ApiException;
import io.video2mp3.auth.throttle.LoginThrottle;
import io.video2mp3.auth.token.JwtService;
import io.video2mp3.auth.user.User;
import io.video2mp3.auth.user.UserService;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks HTTP Basic credentials and issues a token, under the failed-login throttle. */
@Service
class LoginService {

  static final String BASIC_CHALLENGE = "Basic realm=\"video2mp3\", charset=\"UTF-8\"";

  private final UserService users;
  private final PasswordEncoder passwords;
  private final LoginThrottle throttle;
  private final JwtService jwt;
  private final MeterRegistry meters;

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
      MeterRegistry meters) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.jwt = jwt;
    this.meters = meters;
    this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  /**
   * @return a token for the user named by the header's user-id (a username or an email)
   * @throws ApiException 401 for missing or wrong credentials (the same answer for an unknown user
   *     and a wrong password), 429 while the username or the address is throttled
   */
  String login(String authorizationHeader, String clientAddress) {
    BasicCredentials credentials =
        BasicCredentials.parse(authorizationHeader)
            .orElseThrow(() -> ApiException.unauthorized(BASIC_CHALLENGE, "HTTP Basic credentials are required"));
    Optional<Duration> retryAfter = throttle.retryAfter(credentials.username(), clientAddress);
    if (retryAfter.isPresent()) {
      count("throttled");
      throw ApiException.tooManyRequests(retryAfter.get(), "too many failed logins; try again later");
    }
    Optional<User> user = users.findByLogin(credentials.username());
    if (!passwordMatches(credentials.password(), user)) {
      throttle.recordFailure(credentials.username(), clientAddress);
      count("failure");
      throw ApiException.unauthorized(BASIC_CHALLENGE, "invalid username or password");
    }
    throttle.recordSuccess(credentials.username());
    count("success");
    User u = user.get();
    return jwt.issue(u.username(), u.email(), u.admin());
  }

  private boolean passwordMatches(String password, Optional<User> user) {
    String hash = user.map(User::passwordHash).orElse(unknownUserHash);
    boolean matches = passwords.matches(password, hash);
    return matches && user.isPresent();
  }

  private void count(String outcome) {
    meters.counter("auth.logins", "outcome", outcome).increment();
  }
}
