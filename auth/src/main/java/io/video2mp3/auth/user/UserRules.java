package io.video2mp3.auth.user;

/** What a valid username and password look like; shared by the API and the bootstrap settings. */
public final class UserRules {

  /**
   * No '@' in usernames: {@code POST /login} accepts a username or an email, and tells them apart by
   * that character, so a username can never shadow someone's email.
   */
  public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";

  public static final String USERNAME_MESSAGE =
      "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  public static final int PASSWORD_MIN_CHARS = 8;

  /** BCrypt only reads the first 72 bytes; a longer password would be silently truncated. */
  public static final int PASSWORD_MAX_BYTES = 72;

  public static final int EMAIL_MAX_CHARS = 254;

  private UserRules() {}
}
