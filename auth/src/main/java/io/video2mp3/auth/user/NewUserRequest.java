package io.video2mp3.auth.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /users}. */
record NewUserRequest(
    @NotNull @Pattern(regexp = UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
        String username,
    @NotBlank @Email @Size(max = UserRules.EMAIL_MAX_CHARS) String email,
    @NotNull
        @Size(
            min = UserRules.PASSWORD_MIN_CHARS,
            message = "must be at least " + UserRules.PASSWORD_MIN_CHARS + " characters")
        String password,
    boolean admin) {

  @Override
  public String toString() {
    return "NewUserRequest[username=" + username + ", email=" + email + ", password=<hidden>, admin="
        + admin + "]";
  }
}
