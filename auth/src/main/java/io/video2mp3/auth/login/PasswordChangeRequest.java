package io.video2mp3.auth.login;

import io.video2mp3.auth.user.UserRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /users/me/password}. */
record PasswordChangeRequest(
    @NotNull String currentPassword,
    @NotNull
        @Size(
            min = UserRules.PASSWORD_MIN_CHARS,
            message = "must be at least " + UserRules.PASSWORD_MIN_CHARS + " characters")
        String newPassword) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[currentPassword=<hidden>, newPassword=<hidden>]";
  }
}
