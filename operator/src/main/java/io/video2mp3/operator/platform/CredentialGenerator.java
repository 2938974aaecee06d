package io.video2mp3.operator.platform;

import java.util.Base64;
import java.util.Random;

/**
 * Random secrets. Letters and digits only, so that passwords go into URIs and config files
 * unescaped. The randomness is injected: SecureRandom in production, a seeded one in unit tests.
 */
public class CredentialGenerator {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Random random;

  public CredentialGenerator(Random random) {
    this.random = random;
  }

  public String password() {
    return randomString(ALPHANUMERIC, 32);
  }

  /** A MongoDB keyfile: 6 to 1024 base64 characters; 96 random bytes give 128. */
  public String mongodbKeyfile() {
    byte[] bytes = new byte[96];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The cookie Erlang nodes of one RabbitMQ cluster share. */
  public String erlangCookie() {
    return randomString(UPPER_ALPHANUMERIC, 48);
  }

  private String randomString(String alphabet, int length) {
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return value.toString();
  }
}
