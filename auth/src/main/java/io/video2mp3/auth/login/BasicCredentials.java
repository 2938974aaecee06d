package io.video2mp3.auth.login;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The user-id and password of an {@code Authorization: Basic} header (RFC 7617). */
record BasicCredentials(String username, String password) {

  private static final String SCHEME = "basic ";

  /** Empty for a missing or malformed header, including an empty user-id. */
  static Optional<BasicCredentials> parse(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return Optional.empty();
    }
    String decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(authorizationHeader.substring(SCHEME.length()).trim());
      // Strict UTF-8 (RFC 7617's charset="UTF-8"): undecodable bytes are a malformed header.
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
    // The user-id cannot contain ':', the password can.
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[username=" + username + ", password=<hidden>]";
  }
}
