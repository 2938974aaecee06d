package io.video2mp3.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.video2mp3.auth.config.JwtSettings;
import io.video2mp3.auth.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.MutableClock;

class JwtServiceTest {

  private static final String SECRET = "unit-test-secret-0123456789abcdef-0123";
  private static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);
  private static final String ISSUER = "video2mp3-auth";
  private static final Duration TTL = Duration.ofHours(24);
  private static final String UID = "7d1e2a4c-0000-4000-8000-00000000a11c";
  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  private final MutableClock clock = MutableClock.of(START, ZoneOffset.UTC);
  private final JwtService jwt = service(SECRET, ISSUER);

  private JwtService service(String secret, String issuer) {
    return new JwtService(new JwtSettings(secret, TTL, issuer), clock);
  }

  @Test
  void issuesATokenThatVerifiesWithAllClaims() {
    String token = jwt.issue(UID, "alice", "alice@example.com", true);

    TokenClaims claims = jwt.verify(token);

    assertThat(claims)
        .isEqualTo(
            new TokenClaims(
                "alice",
                UID,
                "alice@example.com",
                true,
                START.getEpochSecond(),
                START.plus(TTL).getEpochSecond(),
                ISSUER));
  }

  @Test
  void signsWithHs256() {
    String token = jwt.issue(UID, "alice", "alice@example.com", false);

    assertThat(Tokens.headerJson(token)).contains("\"alg\":\"HS256\"");
  }

  @Test
  void acceptsATokenUntilItExpiresThenRejectsIt() {
    String token = jwt.issue(UID, "alice", "alice@example.com", false);

    clock.add(TTL.minusSeconds(1));
    assertThat(jwt.verify(token).sub()).isEqualTo("alice");

    clock.add(Duration.ofSeconds(2));
    assertThatThrownBy(() -> jwt.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token has expired");
  }

  @Test
  void rejectsATamperedPayload() {
    String token = jwt.issue(UID, "alice", "alice@example.com", false);
    String promoted = Tokens.payloadJson(token).replace("\"admin\":false", "\"admin\":true");
    assertThat(promoted).contains("\"admin\":true");

    assertInvalid(Tokens.withPayload(token, promoted));
  }

  @Test
  void rejectsATamperedSignature() {
    String token = jwt.issue(UID, "alice", "alice@example.com", false);

    assertInvalid(Tokens.withTamperedSignature(token));
  }

  @Test
  void rejectsAlgNone() {
    String payload = Tokens.payloadJson(jwt.issue(UID, "alice", "alice@example.com", true));

    assertInvalid(Tokens.unsigned(payload));
  }

  @Test
  void rejectsAlgNoneEvenWithTheOriginalSignature() {
    String token = jwt.issue(UID, "alice", "alice@example.com", true);
    String[] parts = token.split("\\.");
    String forged = Tokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

    assertInvalid(forged);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS384", "HS512"})
  void rejectsOtherHmacAlgorithmsSignedWithTheSameSecret(String name) {
    Function<byte[], Algorithm> algorithm =
        name.equals("HS384") ? Algorithm::HMAC384 : Algorithm::HMAC512;
    String token = validClaims().sign(algorithm.apply(SECRET_BYTES));
    assertThat(Tokens.headerJson(token)).contains(name);

    assertInvalid(token);
  }

  @Test
  void acceptsAHandBuiltTokenWithTheRightAlgorithm() {
    // Control for the test above: only the algorithm differs there.
    String token = validClaims().sign(Algorithm.HMAC256(SECRET_BYTES));

    assertThat(jwt.verify(token).sub()).isEqualTo("mallory");
  }

  @Test
  void rejectsATokenSignedWithAnotherSecret() {
    String token = service("another-secret-0123456789abcdef-0123", ISSUER).issue(UID, "alice", "a@example.com", true);

    assertInvalid(token);
  }

  @Test
  void rejectsATokenFromAnotherIssuer() {
    String token = service(SECRET, "someone-else").issue(UID, "alice", "a@example.com", true);

    assertInvalid(token);
  }

  @Test
  void rejectsATokenIssuedInTheFuture() {
    clock.add(Duration.ofHours(1));
    String token = jwt.issue(UID, "alice", "alice@example.com", false);
    clock.add(Duration.ofHours(-2));

    assertInvalid(token);
  }

  @Test
  void rejectsATokenWithoutAUserId() {
    // Tokens issued before user ids existed name no account: they cannot be owned or revoked.
    String token = validClaims().withClaim("uid", (String) null).sign(Algorithm.HMAC256(SECRET_BYTES));
    String blank = validClaims().withClaim("uid", " ").sign(Algorithm.HMAC256(SECRET_BYTES));

    assertInvalid(token);
    assertInvalid(blank);
  }

  @Test
  void rejectsEveryOtherBase64urlSpellingOfTheSignature() {
    String token = jwt.issue(UID, "alice", "alice@example.com", false);
    String signature = token.substring(token.lastIndexOf('.') + 1);
    // 32 bytes: 43 characters, the last one carrying 4 bits and 2 unused ones the decoder ignores.
    int last = Tokens.ALPHABET.indexOf(signature.charAt(signature.length() - 1));
    for (int unused = 1; unused < 4; unused++) {
      String respelled = token.substring(0, token.length() - 1) + Tokens.ALPHABET.charAt(last ^ unused);
      assertThat(Tokens.decodeBytes(respelled.substring(respelled.lastIndexOf('.') + 1)))
          .as("the same signature bytes")
          .isEqualTo(Tokens.decodeBytes(signature));

      assertInvalid(respelled);
    }
    assertInvalid(token + "=");
    assertThat(jwt.verify(token).sub()).isEqualTo("alice");
  }

  @Test
  void rejectsATokenWithoutTheEmailOrAdminClaims() {
    Instant now = clock.instant();
    String noEmail =
        JWT.create()
            .withSubject("alice")
            .withClaim("uid", UID)
            .withClaim("admin", false)
            .withIssuer(ISSUER)
            .withIssuedAt(now)
            .withExpiresAt(now.plus(TTL))
            .sign(Algorithm.HMAC256(SECRET_BYTES));
    String adminAsString =
        JWT.create()
            .withSubject("alice")
            .withClaim("uid", UID)
            .withClaim("email", "alice@example.com")
            .withClaim("admin", "true")
            .withIssuer(ISSUER)
            .withIssuedAt(now)
            .withExpiresAt(now.plus(TTL))
            .sign(Algorithm.HMAC256(SECRET_BYTES));

    assertInvalid(noEmail);
    assertInvalid(adminAsString);
  }

  @Test
  void rejectsATokenWithoutExpiry() {
    String token =
        JWT.create()
            .withSubject("alice")
            .withClaim("uid", UID)
            .withClaim("email", "alice@example.com")
            .withClaim("admin", true)
            .withIssuer(ISSUER)
            .withIssuedAt(clock.instant())
            .sign(Algorithm.HMAC256(SECRET_BYTES));

    assertInvalid(token);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "a.b.c", "a.b", "...", "eyJhbGciOiJIUzI1NiJ9.e30."})
  void rejectsGarbage(String token) {
    assertInvalid(token);
  }

  private JWTCreator.Builder validClaims() {
    Instant now = clock.instant();
    return JWT.create()
        .withSubject("mallory")
        .withClaim("uid", "uid-of-mallory")
        .withClaim("email", "mallory@example.com")
        .withClaim("admin", true)
        .withIssuer(ISSUER)
        .withIssuedAt(now)
        .withExpiresAt(now.plus(TTL));
  }

  private void assertInvalid(String token) {
    assertThatThrownBy(() -> jwt.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token is invalid");
  }
}
