package io.video2mp3.auth.user;

import java.time.Instant;

/**
 * A row of {@code users}.
 *
 * @param uid the account's immutable id (a random UUID): what tokens and conversions name
 * @param passwordChangedAt when the password was last changed, or null if never
 */
public record User(
    long id,
    String uid,
    String username,
    String email,
    String passwordHash,
    boolean admin,
    Instant createdAt,
    Instant passwordChangedAt) {

  /**
   * The first second a token of this account may be issued in: tokens carry whole seconds, so one
   * issued in the second of a password change cannot show it came after; it is refused, and a login in
   * that second waits for the next one (see LoginService).
   */
  public long firstValidIssueSecond() {
    return passwordChangedAt == null ? Long.MIN_VALUE : passwordChangedAt.getEpochSecond() + 1;
  }

  @Override
  public String toString() {
    // The hash stays out of logs even though it is not the password.
    return "User[id=" + id + ", uid=" + uid + ", username=" + username + ", email=" + email + ", admin="
        + admin + "]";
  }
}
