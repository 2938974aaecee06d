package io.video2mp3.auth.user;

import static io.video2mp3.auth.support.HttpTestClient.bearer;
import static io.video2mp3.auth.support.HttpTestClient.header;
import static io.video2mp3.auth.support.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.video2mp3.auth.config.BootstrapAdminSettings;
import io.video2mp3.auth.support.AuthIntegrationTest;
import io.video2mp3.auth.support.HttpTestClient;
import io.video2mp3.auth.support.TemporaryDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;

@AuthIntegrationTest
@TestPropertySource(
    properties = {
      "auth.bootstrap-admin.username=root-admin",
      "auth.bootstrap-admin.password=bootstrap-Password-1",
      "auth.bootstrap-admin.email=admin@example.com"
    })
class UserManagementIT {

  private static final String ADMIN_PASSWORD = "bootstrap-Password-1";

  @Autowired HttpTestClient http;
  @Autowired TemporaryDatabase database;
  @Autowired UserService users;

  private String adminToken;

  @BeforeEach
  void setUp() {
    adminToken = http.token("root-admin", ADMIN_PASSWORD);
  }

  @Test
  void createsTheBootstrapAdminAtStart() {
    User admin = users.findByUsername("root-admin").orElseThrow();

    assertThat(admin.admin()).isTrue();
    assertThat(admin.email()).isEqualTo("admin@example.com");
    assertThat(json(http.post("/validate", "Authorization", bearer(adminToken))).get("admin").asBoolean()).isTrue();
  }

  @Test
  void bootstrapNeverTouchesAnExistingUser() throws Exception {
    String hashBefore = users.findByUsername("root-admin").orElseThrow().passwordHash();
    var otherPassword = new BootstrapAdminSettings("root-admin", "another-password", "other@example.com");

    new BootstrapAdmin(otherPassword, users).run(new DefaultApplicationArguments());

    User after = users.findByUsername("root-admin").orElseThrow();
    assertThat(after.passwordHash()).isEqualTo(hashBefore);
    assertThat(after.email()).isEqualTo("admin@example.com");
    assertThat(countUsers("root-admin")).isEqualTo(1);
  }

  @Test
  void anAdminCreatesAUserWhoCanThenLogIn() {
    HttpResponse<String> response = createUser(adminToken, "frank", "frank@example.com", "correct-horse", false);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(header(response, "Location")).endsWith("/users/frank");
    JsonNode body = json(response);
    assertThat(body.get("username").asText()).isEqualTo("frank");
    assertThat(body.get("email").asText()).isEqualTo("frank@example.com");
    assertThat(body.get("admin").asBoolean()).isFalse();
    assertThat(body.has("createdAt")).isTrue();
    assertThat(response.body()).doesNotContain("correct-horse").doesNotContainIgnoringCase("password").doesNotContain("$2");
    assertThat(http.login("frank", "correct-horse").statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminCanCreateAnotherAdmin() {
    createUser(adminToken, "grace", "grace@example.com", "grace-password", true);

    String token = http.token("grace@example.com", "grace-password");

    assertThat(createUser(token, "heidi", "heidi@example.com", "heidi-password", false).statusCode()).isEqualTo(201);
  }

  @Test
  void duplicatesAreConflicts() {
    createUser(adminToken, "ivan", "ivan@example.com", "ivan-password", false);

    HttpResponse<String> sameName = createUser(adminToken, "ivan", "ivan2@example.com", "ivan-password", false);
    HttpResponse<String> sameNameOtherCase = createUser(adminToken, "IVAN", "ivan3@example.com", "ivan-password", false);
    HttpResponse<String> sameEmail = createUser(adminToken, "ivan2", "Ivan@Example.com", "ivan-password", false);

    for (HttpResponse<String> response : List.of(sameName, sameNameOtherCase, sameEmail)) {
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(json(response).get("error").asText()).isEqualTo("conflict");
    }
  }

  @Test
  void weakOrMalformedInputIsABadRequest() {
    assertBadRequest(createUser(adminToken, "judy", "judy@example.com", "short", false), "password");
    assertBadRequest(createUser(adminToken, "judy", "judy@example.com", "é".repeat(37), false), "password");
    assertBadRequest(createUser(adminToken, "judy", "not-an-email", "judy-password", false), "email");
    assertBadRequest(createUser(adminToken, "ju", "judy@example.com", "judy-password", false), "username");
    assertBadRequest(createUser(adminToken, "judy@home", "judy@example.com", "judy-password", false), "username");
    assertBadRequest(createUser(adminToken, "ju dy", "judy@example.com", "judy-password", false), "username");
    assertBadRequest(http.postJson("/users", "{\"username\":", "Authorization", bearer(adminToken)), "");
    assertBadRequest(http.postJson("/users", "{}", "Authorization", bearer(adminToken)), "username");
    assertThat(users.findByUsername("judy")).isEmpty();
  }

  @Test
  void aBadRequestNeverEchoesThePassword() {
    HttpResponse<String> response = createUser(adminToken, "judy", "judy@example.com", "s3cr7", false);

    assertThat(response.body()).doesNotContain("s3cr7");
  }

  @Test
  void nonAdminsAreForbiddenBeforeTheirInputIsLookedAt() {
    users.create("mallory", "mallory@example.com", "mallory-password", false);
    String token = http.token("mallory", "mallory-password");

    HttpResponse<String> create = createUser(token, "mallory2", "m2@example.com", "x", true);
    HttpResponse<String> delete = http.delete("/users/root-admin", "Authorization", bearer(token));

    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(json(create).get("error").asText()).isEqualTo("forbidden");
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(users.findByUsername("root-admin")).isPresent();
  }

  @Test
  void userManagementNeedsAValidToken() {
    HttpResponse<String> noToken = http.postJson("/users", "{}");
    HttpResponse<String> badToken = http.delete("/users/root-admin", "Authorization", bearer("garbage"));
    HttpResponse<String> me = http.get("/users/me");

    for (HttpResponse<String> response : List.of(noToken, badToken, me)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "WWW-Authenticate")).startsWith("Bearer realm=");
    }
  }

  @Test
  void deletesAUserOnce() {
    createUser(adminToken, "ken", "ken@example.com", "ken-password", false);
    String kensToken = http.token("ken", "ken-password");

    HttpResponse<String> first = http.delete("/users/ken", "Authorization", bearer(adminToken));
    HttpResponse<String> second = http.delete("/users/ken", "Authorization", bearer(adminToken));

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(json(second).get("error").asText()).isEqualTo("not_found");
    assertThat(http.login("ken", "ken-password").statusCode()).isEqualTo(401);
    assertThat(http.get("/users/me", "Authorization", bearer(kensToken)).statusCode()).isEqualTo(401);
  }

  @Test
  void meShowsTheCaller() {
    createUser(adminToken, "laura", "laura@example.com", "laura-password", false);
    String token = http.token("laura", "laura-password");

    HttpResponse<String> response = http.get("/users/me", "Authorization", bearer(token));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("username").asText()).isEqualTo("laura");
    assertThat(body.get("email").asText()).isEqualTo("laura@example.com");
    assertThat(body.get("admin").asBoolean()).isFalse();
    assertThat(response.body()).doesNotContainIgnoringCase("password");
  }

  private HttpResponse<String> createUser(
      String token, String username, String email, String password, boolean admin) {
    String body =
        "{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\",\"admin\":%s}"
            .formatted(username, email, password, admin);
    return http.postJson("/users", body, "Authorization", bearer(token));
  }

  private static void assertBadRequest(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo("bad_request");
    assertThat(body.get("message").asText()).contains(field);
  }

  private int countUsers(String username) throws Exception {
    try (Connection connection = database.connect();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM users WHERE username = ?")) {
      count.setString(1, username);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
