package io.video2mp3.auth.token;

import io.video2mp3.auth.error.ApiException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Checks an {@code Authorization: Bearer} header; failures are 401 with an RFC 6750 challenge. */
@Component
public class BearerAuthentication {

  private static final String SCHEME = "bearer ";
  private static final String CHALLENGE = "Bearer realm=\"video2mp3\"";

  private final JwtService jwt;
  private final TokenRevocation revocation;

  public BearerAuthentication(JwtService jwt, TokenRevocation revocation) {
    this.jwt = jwt;
    this.revocation = revocation;
  }

  /**
   * @throws ApiException 401 when the header is missing or malformed, the token is not valid, or its
   *     account no longer accepts it (deleted, or its password changed since the token was issued)
   */
  public TokenClaims authenticate(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      throw ApiException.unauthorized(CHALLENGE, "a Bearer token is required");
    }
    String token = authorizationHeader.substring(SCHEME.length()).trim();
    TokenClaims claims;
    try {
      claims = jwt.verify(token);
    } catch (InvalidTokenException e) {
      throw invalidToken(e.getMessage());
    }
    revocation.revokedBecause(claims).ifPresent(reason -> {
      throw invalidToken(reason);
    });
    return claims;
  }

  /** 401 for a well-formed request whose token cannot be accepted. */
  public static ApiException invalidToken(String message) {
    return ApiException.unauthorized(
        CHALLENGE + ", error=\"invalid_token\", error_description=\"" + message + "\"", message);
  }
}
