package io.video2mp3.auth.user;

import io.video2mp3.auth.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class UserService {

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
    if (password.getBytes(StandardCharsets.UTF_8).length > UserRules.PASSWORD_MAX_BYTES) {
      throw ApiException.badRequest(
          "password: must be at most " + UserRules.PASSWORD_MAX_BYTES + " bytes");
    }
    try {
      return users.insert(
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

  public Optional<User> findByUsername(String username) {
    return users.findByUsername(username);
  }

  /** The login name may be the username or the email; only emails contain '@'. */
  public Optional<User> findByLogin(String login) {
    return login.indexOf('@') >= 0 ? users.findByEmail(login) : users.findByUsername(login);
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
