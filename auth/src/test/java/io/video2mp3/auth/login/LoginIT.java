package io.video2mp3.auth.login;

import static io.video2mp3.auth.support.HttpTestClient.basic;
import static io.video2mp3.auth.support.HttpTestClient.bearer;
import static io.video2mp3.auth.support.HttpTestClient.header;
import static io.video2mp3.auth.support.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.video2mp3.auth.support.AuthIntegrationTest;
import io.video2mp3.auth.support.HttpTestClient;
import io.video2mp3.auth.support.TemporaryDatabase;
import io.video2mp3.auth.support.TestSecrets;
import io.video2mp3.auth.support.Tokens;
import io.video2mp3.auth.user.UserService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@AuthIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginIT {

  private static final String PASSWORD = "alice-Secret-42";

  @Autowired HttpTestClient http;
  @Autowired TemporaryDatabase database;
  @Autowired UserService users;

  @BeforeEach
  void setUp() {
    if (users.findByUsername("alice").isEmpty()) {
      users.create("alice", "alice@example.com", PASSWORD, false);
    }
  }

  @Test
  void logsInByUsernameWithAPlainTextHs256Token() {
    HttpResponse<String> response = http.login("alice", PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).startsWith("text/plain");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.body().split("\\.")).hasSize(3);
    assertThat(Tokens.headerJson(response.body())).contains("\"alg\":\"HS256\"");
  }

  @Test
  void logsInByEmailAsTheSameUser() {
    String token = http.token("alice@example.com", PASSWORD);

    assertThat(json(validate(token)).get("sub").asText()).isEqualTo("alice");
    assertThat(json(validate(http.token("ALICE@example.com", PASSWORD))).get("sub").asText())
        .isEqualTo("alice");
  }

  @Test
  void validateAnswersTheClaims() {
    Instant before = Instant.now().minusSeconds(1);
    String token = http.token("alice", PASSWORD);

    HttpResponse<String> response = validate(token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode claims = json(response);
    assertThat(claims.get("sub").asText()).isEqualTo("alice");
    assertThat(claims.get("email").asText()).isEqualTo("alice@example.com");
    assertThat(claims.get("admin").isBoolean()).isTrue();
    assertThat(claims.get("admin").asBoolean()).isFalse();
    assertThat(claims.get("iss").asText()).isEqualTo("video2mp3-auth");
    assertThat(claims.get("iat").asLong()).isGreaterThanOrEqualTo(before.getEpochSecond());
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(Duration.ofHours(24).toSeconds());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    HttpResponse<String> wrongPassword = http.login("alice", "not-her-password");
    HttpResponse<String> unknownUser = http.login("nobody", "not-her-password");

    for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "WWW-Authenticate")).startsWith("Basic ");
      assertThat(header(response, "Content-Type")).startsWith("application/json");
    }
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(json(wrongPassword).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void loginWithoutOrWithAMalformedHeaderIsAsked() {
    HttpResponse<String> none = http.post("/login");
    HttpResponse<String> bearer = http.post("/login", "Authorization", "Bearer abc");
    HttpResponse<String> malformed = http.post("/login", "Authorization", "Basic %%%");

    for (HttpResponse<String> response : List.of(none, bearer, malformed)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "WWW-Authenticate")).startsWith("Basic realm=");
      assertThat(json(response).get("message").asText()).isEqualTo("HTTP Basic credentials are required");
    }
  }

  @Test
  void validateRejectsTamperedExpiredForgedAndGarbageTokens() {
    String token = http.token("alice", PASSWORD);
    String promoted = Tokens.payloadJson(token).replace("\"admin\":false", "\"admin\":true");
    byte[] secret = TestSecrets.JWT_SECRET.getBytes(StandardCharsets.UTF_8);
    String expired =
        JWT.create()
            .withSubject("alice")
            .withClaim("uid", users.findByUsername("alice").orElseThrow().uid())
            .withClaim("email", "alice@example.com")
            .withClaim("admin", false)
            .withIssuer("video2mp3-auth")
            .withIssuedAt(Instant.now().minus(Duration.ofHours(25)))
            .withExpiresAt(Instant.now().minus(Duration.ofHours(1)))
            .sign(Algorithm.HMAC256(secret));
    String hs512 =
        JWT.create()
            .withSubject("alice")
            .withClaim("email", "alice@example.com")
            .withClaim("admin", true)
            .withIssuer("video2mp3-auth")
            .withIssuedAt(Instant.now())
            .withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
            .sign(Algorithm.HMAC512(secret));

    for (String bad :
        List.of(
            Tokens.withPayload(token, promoted),
            Tokens.withTamperedSignature(token),
            Tokens.withRespelledSignature(token),
            Tokens.unsigned(promoted),
            hs512,
            expired,
            "garbage")) {
      HttpResponse<String> response = validate(bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(401);
      assertThat(header(response, "WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
      assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
    }
    assertThat(json(validate(expired)).get("message").asText()).isEqualTo("the token has expired");
  }

  @Test
  void validateWithoutABearerTokenIs401() {
    assertThat(http.post("/validate").statusCode()).isEqualTo(401);
    assertThat(http.post("/validate", "Authorization", basic("alice", PASSWORD)).statusCode()).isEqualTo(401);
  }

  @Test
  void storesOnlyABcryptHash() throws Exception {
    String hash;
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
      select.setString(1, "alice");
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        hash = row.getString(1);
      }
    }

    assertThat(hash).startsWith("$2").doesNotContain(PASSWORD).hasSize(60);
    assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash)).isTrue();
  }

  @Test
  void neverLogsPasswordsOrTokens(CapturedOutput output) {
    String token = http.token("alice", PASSWORD);
    validate(token);
    http.login("alice", "wrong-" + PASSWORD);

    assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(token);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() {
    HttpResponse<String> notFound = http.get("/nope");
    HttpResponse<String> wrongMethod = http.get("/login");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(json(notFound).get("error").asText()).isEqualTo("not_found");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    assertThat(json(wrongMethod).get("error").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void errorsAreJsonEvenForBrowsers() {
    HttpResponse<String> response = http.get("/nope", "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("not_found");
  }

  private HttpResponse<String> validate(String token) {
    return http.post("/validate", "Authorization", bearer(token));
  }
}
