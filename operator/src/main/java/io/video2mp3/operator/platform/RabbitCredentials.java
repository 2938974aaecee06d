package io.video2mp3.operator.platform;

/** The cluster's Erlang cookie and the user every service connects as. */
public record RabbitCredentials(String erlangCookie, String user, String password) {

  /** The file name the cookie is mounted as, and copied to in the broker's home. */
  public static final String ERLANG_COOKIE = ".erlang.cookie";
  public static final String USER = "username";
  public static final String PASSWORD = "password";

  @Override
  public String toString() {
    return "RabbitCredentials[user=" + user + ", secrets hidden]";
  }
}
