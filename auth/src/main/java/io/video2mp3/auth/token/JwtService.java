package io.video2mp3.auth.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.video2mp3.auth.config.JwtSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/** Issues and verifies HS256 JWTs. */
@Service
public class JwtService {

  /** The account's immutable id: ownership and revocation follow it, never the username. */
  static final String UID = "uid";
  static final String EMAIL = "email";
  static final String ADMIN = "admin";

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration ttl;
  private final String issuer;
  private final Clock clock;

  public JwtService(JwtSettings settings, Clock clock) {
    this.algorithm = Algorithm.HMAC256(JwtSecret.bytesOf(settings.secret()));
    this.ttl = settings.ttl();
    this.issuer = settings.issuer();
    this.clock = clock;
    // The verifier is bound to one algorithm: a token whose header names another one ("none", HS384,
    // RS256 with our secret as a "public key", ...) fails before its signature is even looked at.
    this.verifier =
        ((JWTVerifier.BaseVerification)
                JWT.require(algorithm)
                    .withIssuer(issuer)
                    .withClaimPresence(RegisteredClaims.SUBJECT)
                    .withClaimPresence(UID)
                    .withClaimPresence(RegisteredClaims.ISSUED_AT)
                    .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                    .withClaimPresence(EMAIL)
                    .withClaimPresence(ADMIN))
            .build(clock);
  }

  public String issue(String uid, String username, String email, boolean admin) {
    // JWT times are whole seconds; truncating keeps iat/exp equal to what /validate reports.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return JWT.create()
        .withSubject(username)
        .withClaim(UID, uid)
        .withClaim(EMAIL, email)
        .withClaim(ADMIN, admin)
        .withIssuer(issuer)
        .withIssuedAt(now)
        .withExpiresAt(now.plus(ttl))
        .sign(algorithm);
  }

  /**
   * Checks the token itself only; whether its account still accepts it is {@link TokenRevocation}'s.
   *
   * @throws InvalidTokenException for a malformed, forged, expired or foreign token
   */
  public TokenClaims verify(String token) {
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(CanonicalSignature.require(token));
    } catch (TokenExpiredException e) {
      throw new InvalidTokenException("the token has expired");
    } catch (JWTVerificationException | IllegalArgumentException e) {
      // The library's messages can quote the token's content; the client gets a fixed one.
      throw new InvalidTokenException("the token is invalid");
    }
    Boolean admin = jwt.getClaim(ADMIN).asBoolean();
    String email = jwt.getClaim(EMAIL).asString();
    String uid = jwt.getClaim(UID).asString();
    if (admin == null || email == null || uid == null || uid.isBlank()) {
      throw new InvalidTokenException("the token is invalid");
    }
    return new TokenClaims(
        jwt.getSubject(),
        uid,
        email,
        admin,
        jwt.getIssuedAtAsInstant().getEpochSecond(),
        jwt.getExpiresAtAsInstant().getEpochSecond(),
        jwt.getIssuer());
  }
}
