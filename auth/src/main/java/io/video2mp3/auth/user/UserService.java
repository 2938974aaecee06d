package io.video2mp3.auth.user;

import io.video2mp3.auth.error.ApiException;
import io.video2mp3.auth.token.BearerAuthentication;
import io.video2mp3.auth.token.TokenClaims;
import io.video2mp3.auth.token.TokenRevocation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class UserService implements TokenRevocation {

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final Clock clock;

  UserService(UserRepository users, PasswordEncoder passwords, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Creates a user with a BCrypt hash of the password. Formats are checked by the caller; this
   * checks what only the service can: the password's byte length and uniqueness.
   *
   * @throws ApiException 400 for a password over 72 bytes, 409 for a taken username or email
   */
  public User create(String username, String email, String password, boolean admin) {
    checkPasswordBytes("password", password);
    try {
      return users.insert(
          UUID.randomUUID().toString(),
          username,
          email,
          passwords.encode(password),
          admin,
          // The column keeps microseconds; truncating keeps the returned value equal to the stored one.
          clock.instant().truncatedTo(ChronoUnit.MICROS));
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a user with this username or email already exists");
    }
  }

  /**
   * Sets a new password. Every token issued before now is refused from then on.
   *
   * @throws ApiException 400 for a password over 72 bytes, 401 when the account no longer exists
   */
  public void changePassword(User user, String newPassword) {
    checkPasswordBytes("newPassword", newPassword);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (!users.updatePassword(user.uid(), passwords.encode(newPassword), now)) {
      throw BearerAuthentication.invalidToken("the token's user no longer exists");
    }
  }

  public boolean passwordMatches(User user, String password) {
    return passwords.matches(password, user.passwordHash());
  }

  /** A token stands while its account exists and it was issued after the last password change. */
  @Override
  public Optional<String> revokedBecause(TokenClaims claims) {
    Optional<User> user = users.findByUid(claims.uid());
    if (user.isEmpty()) {
      return Optional.of("the token's user no longer exists");
    }
    if (claims.iat() < user.get().firstValidIssueSecond()) {
      return Optional.of("the token was issued before the password was changed");
    }
    return Optional.empty();
  }

  public Optional<User> findByUid(String uid) {
    return users.findByUid(uid);
  }

  public Optional<User> findByUsername(String username) {
    return users.findByUsername(username);
  }

  /** The login name may be the username or the email; only emails contain '@'. */
  public Optional<User> findByLogin(String login) {
    return login.indexOf('@') >= 0 ? users.findByEmail(login) : users.findByUsername(login);
  }

  private static void checkPasswordBytes(String field, String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > UserRules.PASSWORD_MAX_BYTES) {
      throw ApiException.badRequest(
          field + ": must be at most " + UserRules.PASSWORD_MAX_BYTES + " bytes");
    }
  }

  /**
   * @throws ApiException 404 when there is no such user
   */
  public void delete(String username) {
    if (!users.deleteByUsername(username)) {
      throw ApiException.notFound("no user named " + username);
    }
  }
}
