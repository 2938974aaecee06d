package io.video2mp3.auth.user;

import java.time.Instant;

/** A row of {@code users}. */
public record User(
    long id, String username, String email, String passwordHash, boolean admin, Instant createdAt) {

  @Override
  public String toString() {
    // The hash stays out of logs even though it is not the password.
    return "User[id=" + id + ", username=" + username + ", email=" + email + ", admin=" + admin + "]";
  }
}
