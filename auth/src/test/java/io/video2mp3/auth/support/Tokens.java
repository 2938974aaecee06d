package io.video2mp3.auth.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds forged and tampered tokens by hand, the way an attacker would. */
public final class Tokens {

  /** base64url's alphabet, in value order. */
  public static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Tokens() {}

  public static String encode(String json) {
    return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }

  public static byte[] decodeBytes(String part) {
    return DECODER.decode(part);
  }

  public static String headerJson(String token) {
    return decode(token.split("\\.")[0]);
  }

  public static String payloadJson(String token) {
    return decode(token.split("\\.")[1]);
  }

  /** The token with its payload replaced, keeping the original header and signature. */
  public static String withPayload(String token, String payloadJson) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(payloadJson) + "." + parts[2];
  }

  /** The token with one character of its signature changed. */
  public static String withTamperedSignature(String token) {
    int last = token.length() - 2; // not the final char: its low bits may be padding
    char replacement = token.charAt(last) == 'A' ? 'B' : 'A';
    return token.substring(0, last) + replacement + token.charAt(token.length() - 1);
  }

  /**
   * The token with another base64url spelling of the same signature: its last character's unused low
   * bits changed (an HS256 signature's 43rd character carries 4 bits and 2 unused ones).
   */
  public static String withRespelledSignature(String token) {
    int last = ALPHABET.indexOf(token.charAt(token.length() - 1));
    return token.substring(0, token.length() - 1) + ALPHABET.charAt(last ^ 1);
  }

  /** An unsigned token ({@code "alg": "none"}) carrying the given payload. */
  public static String unsigned(String payloadJson) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(payloadJson) + ".";
  }
}
