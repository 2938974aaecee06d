package io.video2mp3.auth.token;

import java.util.Base64;

/**
 * Refuses a token whose signature segment is not the one canonical base64url spelling of its bytes.
 * The decoder ignores the unused low bits of the last character, so several spellings decode to the
 * same signature: accepting them would let one token exist under many strings (cache keys, deny
 * lists, logs), and RFC 7515 allows only the canonical one.
 */
final class CanonicalSignature {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private CanonicalSignature() {}

  /**
   * @return the token unchanged
   * @throws InvalidTokenException when the signature is not canonical base64url without padding
   */
  static String require(String token) {
    if (token == null) {
      throw new InvalidTokenException("the token is invalid");
    }
    String signature = token.substring(token.lastIndexOf('.') + 1);
    try {
      if (!ENCODER.encodeToString(DECODER.decode(signature)).equals(signature)) {
        throw new InvalidTokenException("the token is invalid");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the token is invalid");
    }
    return token;
  }
}
