package io.video2mp3.operator.platform;

/** The replica set's shared keyfile, its root user (the operator's) and the services' user. */
public record MongoCredentials(String keyfile, String rootUser, String rootPassword, String appUser,
    String appPassword) {

  public static final String KEYFILE = "keyfile";
  public static final String ROOT_USER = "root-username";
  public static final String ROOT_PASSWORD = "root-password";
  public static final String APP_USER = "app-username";
  public static final String APP_PASSWORD = "app-password";

  @Override
  public String toString() {
    return "MongoCredentials[rootUser=" + rootUser + ", appUser=" + appUser + ", secrets hidden]";
  }
}
