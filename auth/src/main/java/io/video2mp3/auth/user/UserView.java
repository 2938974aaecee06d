package io.video2mp3.auth.user;

import java.time.Instant;

/** A user as the API shows it: never the password hash. */
record UserView(String username, String email, boolean admin, Instant createdAt) {

  static UserView of(User user) {
    return new UserView(user.username(), user.email(), user.admin(), user.createdAt());
  }
}
