package io.video2mp3.auth.token;

import static io.video2mp3.auth.support.HttpTestClient.bearer;
import static io.video2mp3.auth.support.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.video2mp3.auth.support.AuthIntegrationTest;
import io.video2mp3.auth.support.HttpTestClient;
import io.video2mp3.auth.support.TestSecrets;
import io.video2mp3.auth.user.User;
import io.video2mp3.auth.user.UserService;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Tokens die with their account and with its password: at /validate and at every other endpoint. */
@AuthIntegrationTest
@TestPropertySource(
    properties = {
      "auth.bootstrap-admin.username=revoker",
      "auth.bootstrap-admin.password=revoker-Password-1",
      "auth.bootstrap-admin.email=revoker@example.com"
    })
class RevocationIT {

  @Autowired HttpTestClient http;
  @Autowired UserService users;

  @Test
  void aDeletedUsersTokenIsRefused() {
    users.create("ivan", "ivan@example.com", "ivan-password", false);
    String token = http.token("ivan", "ivan-password");
    assertThat(validate(token).statusCode()).isEqualTo(200);

    assertThat(http.delete("/users/ivan", "Authorization", bearer(admin())).statusCode()).isEqualTo(204);

    HttpResponse<String> refused = validate(token);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).get("message").asText()).isEqualTo("the token's user no longer exists");
    assertThat(http.get("/users/me", "Authorization", bearer(token)).statusCode()).isEqualTo(401);
  }

  @Test
  void aDeletedAdminsTokenCanNoLongerManageUsers() {
    users.create("olga", "olga@example.com", "olga-password", true);
    String olga = http.token("olga", "olga-password");
    assertThat(http.delete("/users/olga", "Authorization", bearer(admin())).statusCode()).isEqualTo(204);

    HttpResponse<String> create = http.postJson("/users",
        "{\"username\":\"sleeper\",\"email\":\"s@example.com\",\"password\":\"sleeper-password\",\"admin\":true}",
        "Authorization", bearer(olga));

    assertThat(create.statusCode()).isEqualTo(401);
    assertThat(users.findByUsername("sleeper")).isEmpty();
  }

  @Test
  void aRecreatedUsernameIsAnotherAccount() {
    User first = users.create("judy", "judy@example.com", "judy-password-1", false);
    String oldToken = http.token("judy", "judy-password-1");
    users.delete("judy");
    User second = users.create("judy", "judy@example.com", "judy-password-2", false);
    String newToken = http.token("judy", "judy-password-2");

    assertThat(second.uid()).isNotEqualTo(first.uid());
    assertThat(validate(oldToken).statusCode()).isEqualTo(401);
    HttpResponse<String> valid = validate(newToken);
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(json(valid).get("uid").asText()).isEqualTo(second.uid());
    assertThat(json(valid).get("sub").asText()).isEqualTo("judy");
  }

  @Test
  void aPasswordChangeRevokesEveryEarlierTokenButNotTheNextLogin() {
    users.create("kate", "kate@example.com", "kate-password-1", false);
    String before = http.token("kate", "kate-password-1");
    String other = http.token("kate@example.com", "kate-password-1");

    assertThat(changePassword(before, "kate-password-1", "kate-password-2").statusCode()).isEqualTo(204);
    // Logged in at once: most likely in the very second of the change, which must not matter.
    String after = http.token("kate", "kate-password-2");

    for (String revoked : new String[] {before, other}) {
      HttpResponse<String> refused = validate(revoked);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(json(refused).get("message").asText())
          .isEqualTo("the token was issued before the password was changed");
    }
    assertThat(validate(after).statusCode()).isEqualTo(200);
    assertThat(http.login("kate", "kate-password-1").statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenFromTheSecondOfTheChangeIsRefusedAndOneFromTheNextSecondAccepted() {
    User lena = users.create("lena", "lena@example.com", "lena-password-1", false);
    users.changePassword(lena, "lena-password-2");
    long changed = users.findByUid(lena.uid()).orElseThrow().passwordChangedAt().getEpochSecond();

    assertThat(validate(signed(lena, changed - 1)).statusCode()).isEqualTo(401);
    assertThat(validate(signed(lena, changed)).statusCode()).as("the same second").isEqualTo(401);
    await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > changed);
    assertThat(validate(signed(lena, changed + 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void theCurrentPasswordIsCheckedUnderTheLoginThrottle() {
    users.create("mike", "mike@example.com", "mike-password-1", false);
    String token = http.token("mike", "mike-password-1");

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = changePassword(token, "guess-" + i, "mike-password-2");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(json(wrong).get("message").asText()).isEqualTo("currentPassword: does not match");
    }

    assertThat(changePassword(token, "mike-password-1", "mike-password-2").statusCode()).isEqualTo(429);
    assertThat(validate(token).statusCode()).isEqualTo(200);
  }

  private String admin() {
    return http.token("revoker", "revoker-Password-1");
  }

  private HttpResponse<String> validate(String token) {
    return http.post("/validate", "Authorization", bearer(token));
  }

  private HttpResponse<String> changePassword(String token, String current, String next) {
    String body = "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    return http.send("PUT", "/users/me/password", BodyPublishers.ofString(body),
        "Authorization", bearer(token), "Content-Type", "application/json");
  }

  private static String signed(User user, long issuedAtSecond) {
    return JWT.create()
        .withSubject(user.username())
        .withClaim("uid", user.uid())
        .withClaim("email", user.email())
        .withClaim("admin", user.admin())
        .withIssuer("video2mp3-auth")
        .withIssuedAt(Instant.ofEpochSecond(issuedAtSecond))
        .withExpiresAt(Instant.ofEpochSecond(issuedAtSecond).plus(Duration.ofHours(1)))
        .sign(Algorithm.HMAC256(TestSecrets.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
  }
}
