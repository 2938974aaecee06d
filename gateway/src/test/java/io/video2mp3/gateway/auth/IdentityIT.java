package io.video2mp3.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.gateway.support.ApiClient;
import io.video2mp3.gateway.support.AuthProcess;
import io.video2mp3.gateway.support.GatewayInstance;
import io.video2mp3.gateway.support.GatewayStack;
import io.video2mp3.gateway.support.Infrastructure;
import io.video2mp3.gateway.support.Multipart;
import io.video2mp3.gateway.support.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identities as an attacker meets them: ownership follows the account's immutable id, revoked tokens
 * stop working within the token cache's TTL, and the client address comes from trusted proxies only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(2);
  private static final String PASSWORD = "correct-horse-1";

  @TempDir
  static Path media;

  private GatewayStack stack;
  private AuthProcess auth;
  private ApiClient api;
  private byte[] video;

  @BeforeAll
  void start() throws Exception {
    stack = GatewayStack.start("identity-it",
        gateway -> gateway.set("gateway.token-cache-ttl", TOKEN_CACHE_TTL.toSeconds() + "s"));
    auth = stack.auth();
    api = new ApiClient(stack.gateway());
    video = Files.readAllBytes(TestMedia.mp4(media, "talk.mp4", 1));
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aDeletedUsersTokenIsRefusedWithinTheCacheTtl() throws Exception {
    auth.createUser("dora", PASSWORD, false);
    String token = api.token("dora", PASSWORD);
    assertThat(api.get("/api/v1/conversions", token).statusCode()).isEqualTo(200); // now cached

    auth.deleteUser("dora");

    awaitRefused(token);
    assertThat(api.get("/api/v1/conversions", token).statusCode()).as("and stays refused").isEqualTo(401);
  }

  @Test
  void aRecreatedUsernameSeesNothingOfTheOldAccount() throws Exception {
    auth.createUser("eve", PASSWORD, false);
    String oldToken = api.token("eve", PASSWORD);
    String oldName = upload(oldToken);
    Owner recorded = stack.conversion(oldName).getSpec().getOwner();
    assertThat(recorded.username()).isEqualTo("eve");
    assertThat(recorded.uid()).isNotBlank();

    auth.deleteUser("eve");
    auth.createUser("eve", PASSWORD, false);
    String newToken = api.token("eve", PASSWORD);
    String newName = upload(newToken);

    assertThat(stack.conversion(newName).getSpec().getOwner().uid()).isNotEqualTo(recorded.uid());
    for (String path : List.of("/api/v1/conversions/" + oldName, "/api/v1/conversions/" + oldName + "/audio")) {
      assertThat(api.get(path, newToken).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(names(api.get("/api/v1/conversions?size=100", newToken))).contains(newName).doesNotContain(oldName);
    assertThat(api.delete("/api/v1/conversions/" + oldName, newToken).statusCode()).isEqualTo(404);
    assertThat(stack.conversion(oldName)).isNotNull();
    // The old token names the deleted account: nothing of the new person's, and soon nothing at all.
    assertThat(api.get("/api/v1/conversions/" + newName, oldToken).statusCode()).isIn(401, 404);
    awaitRefused(oldToken);
  }

  @Test
  void anotherSpellingOfACachedTokensSignatureIsRefused() throws Exception {
    auth.createUser("ines", PASSWORD, false);
    String token = api.token("ines", PASSWORD);
    assertThat(api.get("/api/v1/conversions", token).statusCode()).isEqualTo(200); // now cached
    // The same 32 signature bytes: the last of 43 base64url characters has 2 bits the decoder ignores.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    for (int unused = 1; unused < 4; unused++) {
      String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ unused);

      assertThat(api.get("/api/v1/conversions", respelled).statusCode()).as(respelled).isEqualTo(401);
    }
  }

  @Test
  void aConversionRecordedWithoutAUidIsVisibleToAdminsOnly() throws Exception {
    auth.createUser("frank", PASSWORD, false);
    String frank = api.token("frank", PASSWORD);
    String admin = api.token(AuthProcess.ADMIN, AuthProcess.ADMIN_PASSWORD);
    // As kubectl users and the samples create them: a username, no account id.
    VideoConversion byKubectl = new VideoConversion();
    byKubectl.setMetadata(new ObjectMetaBuilder().withName("by-kubectl").withNamespace(Infrastructure.NAMESPACE).build());
    byKubectl.setSpec(new VideoConversionSpec(Source.url("https://example.com/talk.mp4", "talk.mp4"),
        OutputSpec.mp3("192k"), new Owner("frank", "frank@example.com")));
    stack.infra().kubernetes.resource(byKubectl).create();

    assertThat(api.get("/api/v1/conversions/by-kubectl", frank).statusCode()).isEqualTo(404);
    assertThat(names(api.get("/api/v1/conversions?size=100", frank))).doesNotContain("by-kubectl");
    assertThat(api.get("/api/v1/conversions/by-kubectl", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void aSpoofedForwardedForFromAnUntrustedClientIsIgnored() throws Exception {
    auth.createUser("gina", PASSWORD, false);
    // Every guess claims another address; the gateway trusts no proxy, so they all count as one.
    for (int i = 0; i < 5; i++) {
      assertThat(api.login("gina", "guess-" + i, "198.51.100." + i).statusCode()).isEqualTo(401);
    }

    assertThat(api.login("gina", PASSWORD, "198.51.100.200").statusCode()).isEqualTo(429);
  }

  @Test
  void aTrustedProxysForwardedForNamesTheClient() throws Exception {
    auth.createUser("hugo", PASSWORD, false);
    try (GatewayInstance behindProxy = GatewayInstance.builder(stack.infra(), auth)
        .set("gateway.trusted-proxies", "127.0.0.0/8").start()) {
      ApiClient viaProxy = new ApiClient(behindProxy);
      // The proxy (this test) appends the real client; what a client wrote itself stays to the left.
      for (int i = 0; i < 5; i++) {
        assertThat(viaProxy.login("hugo", "guess-" + i, "127.0.0.9, 203.0.113.66").statusCode()).isEqualTo(401);
      }

      assertThat(viaProxy.login("hugo", "guess", "127.0.0.9, 203.0.113.66").statusCode())
          .as("the attacker's address is blocked").isEqualTo(429);
      assertThat(viaProxy.login("hugo", PASSWORD, "203.0.113.66, 192.0.2.44").statusCode())
          .as("hugo from his own address").isEqualTo(200);
    }
  }

  private void awaitRefused(String token) {
    await().atMost(TOKEN_CACHE_TTL.plusSeconds(3)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("/api/v1/conversions", token).statusCode() == 401);
  }

  private String upload(String token) throws Exception {
    HttpResponse<String> response = api.upload(token, new Multipart().file("file", "talk.mp4", "video/mp4", video));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).path("name").asText();
  }

  private static List<String> names(HttpResponse<String> list) throws Exception {
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body()).path("items").findValuesAsText("name");
  }
}
