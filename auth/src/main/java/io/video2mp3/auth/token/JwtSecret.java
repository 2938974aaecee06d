package io.video2mp3.auth.token;

import java.nio.charset.StandardCharsets;

/** The HS256 key: {@code JWT_SECRET}'s UTF-8 bytes, at least 256 bits as RFC 7518 section 3.2 requires. */
public final class JwtSecret {

  public static final int MIN_BYTES = 32;

  private JwtSecret() {}

  /**
   * @throws WeakJwtSecretException when the secret is missing or shorter than {@link #MIN_BYTES}
   */
  public static byte[] bytesOf(String secret) {
    byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES) {
      throw new WeakJwtSecretException(bytes.length, MIN_BYTES);
    }
    return bytes;
  }
}
