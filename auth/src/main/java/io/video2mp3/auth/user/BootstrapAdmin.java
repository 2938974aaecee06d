package io.video2mp3.auth.user;

import io.video2mp3.auth.config.BootstrapAdminSettings;
import io.video2mp3.auth.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator named by {@code AUTH_BOOTSTRAP_ADMIN_*} at start if it does not exist, so
 * a fresh installation has someone who can create users. An existing user is never modified. Runs
 * before the service reports ready.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final BootstrapAdminSettings settings;
  private final UserService users;

  BootstrapAdmin(BootstrapAdminSettings settings, UserService users) {
    this.settings = settings;
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.isComplete()) {
      if (settings.isPartial()) {
        log.warn(
            "Bootstrap admin not created: set all of AUTH_BOOTSTRAP_ADMIN_USERNAME,"
                + " AUTH_BOOTSTRAP_ADMIN_PASSWORD and AUTH_BOOTSTRAP_ADMIN_EMAIL");
      }
      return;
    }
    if (users.findByUsername(settings.username()).isPresent()) {
      log.info("Bootstrap admin {} already exists; left unchanged", settings.username());
      return;
    }
    checkPassword(settings.password());
    try {
      users.create(settings.username(), settings.email(), settings.password(), true);
      log.info("Created bootstrap admin {}", settings.username());
    } catch (ApiException e) {
      // Another replica created it first, or the email belongs to another user.
      log.warn("Bootstrap admin {} not created: {}", settings.username(), e.getMessage());
    }
  }

  /**
   * A short password is the operator's explicit choice, so it is accepted with a warning; one BCrypt
   * cannot use entirely is a mistake that must stop the start.
   */
  private static void checkPassword(String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > UserRules.PASSWORD_MAX_BYTES) {
      throw new IllegalStateException(
          "AUTH_BOOTSTRAP_ADMIN_PASSWORD must be at most " + UserRules.PASSWORD_MAX_BYTES + " bytes");
    }
    if (password.length() < UserRules.PASSWORD_MIN_CHARS) {
      log.warn(
          "AUTH_BOOTSTRAP_ADMIN_PASSWORD is shorter than {} characters; change it",
          UserRules.PASSWORD_MIN_CHARS);
    }
  }
}
