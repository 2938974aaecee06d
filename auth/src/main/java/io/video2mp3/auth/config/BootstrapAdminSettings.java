package io.video2mp3.auth.config;

import io.video2mp3.auth.user.UserRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator created at start when it does not exist yet ({@code AUTH_BOOTSTRAP_ADMIN_*}).
 * The password is not bean-validated so that it can never be printed as a rejected value.
 */
@Validated
@ConfigurationProperties("auth.bootstrap-admin")
public record BootstrapAdminSettings(
    @Pattern(regexp = "|" + UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
        String username,
    String password,
    @Email String email) {

  /** All three values are set. */
  public boolean isComplete() {
    return StringUtils.hasText(username) && StringUtils.hasText(password) && StringUtils.hasText(email);
  }

  /** Some, but not all, values are set: most likely a deployment mistake worth a warning. */
  public boolean isPartial() {
    return !isComplete()
        && (StringUtils.hasText(username) || StringUtils.hasText(password) || StringUtils.hasText(email));
  }

  @Override
  public String toString() {
    return "BootstrapAdminSettings[username=" + username + ", password=<hidden>, email=" + email + "]";
  }
}
