package io.video2mp3.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.gateway.support.AuthProcess;
import io.video2mp3.gateway.support.GatewayInstance;
import io.video2mp3.gateway.support.GatewayStack;
import io.video2mp3.gateway.support.Infrastructure;
import io.video2mp3.gateway.support.Multipart;
import io.video2mp3.gateway.support.OperatorStandIn;
import io.video2mp3.gateway.support.TestMedia;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against the real auth service (subprocess), the real MariaDB behind it and the real
 * RabbitMQ, with mongo-java-server and the fabric8 mock API server. The test plays the operator where a
 * conversion has to finish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = "alice";
  private static final String BOB = "bob";
  private static final String PASSWORD = "correct-horse-1";

  @TempDir
  static Path media;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private GatewayStack stack;
  private AuthProcess auth;
  private Infrastructure infra;
  private GatewayInstance gateway;
  private byte[] video;
  private byte[] mp3;

  @BeforeAll
  void startEverything() throws Exception {
    stack = GatewayStack.start("gateway-it");
    auth = stack.auth();
    infra = stack.infra();
    gateway = stack.gateway();
    auth.createUser(ALICE, PASSWORD, false);
    auth.createUser(BOB, PASSWORD, false);
    video = Files.readAllBytes(TestMedia.mp4(media, "talk.mp4", 2));
    mp3 = Files.readAllBytes(TestMedia.mp3(media, "talk.mp3", 2));
  }

  @AfterAll
  void stopEverything() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void purge() throws Exception {
    infra.purgeVideoQueue();
  }

  @Test
  void tutorialCurlFlowEndToEnd() throws Exception {
    // curl -X POST -u alice:pw $GW/login
    String token = login(gateway, ALICE, PASSWORD);
    assertThat(token.split("\\.")).hasSize(3);

    // curl -X POST -F 'file=@talk.mp4' -H "Authorization: Bearer $T" $GW/upload
    HttpResponse<String> upload = send(gateway, "/upload", token,
        new Multipart().file("file", "talk.mp4", "video/mp4", video));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    JsonNode accepted = JSON.readTree(upload.body());
    String name = accepted.path("name").asText();
    assertThat(name).matches("vc-[0-9a-f]{24}");
    assertThat(accepted.path("statusUrl").asText()).isEqualTo(gateway.url("/api/v1/conversions/" + name).toString());

    // The video is stored with its metadata.
    String fileId = name.substring(3);
    GridFSFile stored = GridFSBuckets.create(infra.mongo, StorageLayout.VIDEOS_BUCKET)
        .find(new Document("_id", new org.bson.types.ObjectId(fileId))).first();
    assertThat(stored).isNotNull();
    assertThat(stored.getLength()).isEqualTo(video.length);
    Document metadata = stored.getMetadata();
    assertThat(metadata.getString(StorageLayout.META_OWNER)).isEqualTo(ALICE);
    assertThat(metadata.getString(StorageLayout.META_FILENAME)).isEqualTo("talk.mp4");
    assertThat(metadata.getString(StorageLayout.META_CONTENT_TYPE)).isEqualTo("video/mp4");
    assertThat(((Number) metadata.get(StorageLayout.META_SIZE)).longValue()).isEqualTo(video.length);
    assertThat(metadata.getString(StorageLayout.META_SHA256)).isEqualTo(sha256(video));

    // The request is queued and the resource exists, owned by the token's user.
    ConversionRequested request = awaitRequest(name);
    assertThat(request.owner().username()).isEqualTo(ALICE);
    assertThat(request.owner().email()).isEqualTo("alice@example.com");
    assertThat(request.source().fileId()).isEqualTo(fileId);
    VideoConversion conversion = conversion(name);
    assertThat(conversion.getSpec().getOwner().username()).isEqualTo(ALICE);
    assertThat(conversion.getSpec().getSource().filename()).isEqualTo("talk.mp4");

    JsonNode status = JSON.readTree(get(gateway, "/api/v1/conversions/" + name, token).body());
    assertThat(status.path("phase").asText()).isEqualTo("Pending");
    assertThat(status.path("filename").asText()).isEqualTo("talk.mp4");

    // Not finished yet: 409 with the phase.
    HttpResponse<String> early = get(gateway, "/api/v1/conversions/" + name + "/audio", token);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(early.body()).path("phase").asText()).isEqualTo("Pending");

    String uid = finish(name);

    // curl -o out.mp3 -H "Authorization: Bearer $T" "$GW/download?fid=<uid>"
    HttpResponse<byte[]> download = getBytes(gateway, "/download?fid=" + uid, token, null);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(mp3);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(mp3.length));
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment").contains("filename=\"talk.mp3\"");
    assertThat(download.headers().firstValue("ETag")).isPresent();

    JsonNode done = JSON.readTree(get(gateway, "/api/v1/conversions/" + name, token).body());
    assertThat(done.path("phase").asText()).isEqualTo("Succeeded");
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    assertThat(done.path("output").path("fileId").asText()).isEqualTo(uid);
    assertThat(done.path("completedAt").asText()).isNotBlank();

    HttpResponse<byte[]> byName = getBytes(gateway, "/api/v1/conversions/" + name + "/audio", token, null);
    assertThat(byName.statusCode()).isEqualTo(200);
    assertThat(byName.body()).isEqualTo(mp3);
  }

  @Test
  void rawBodyUploadWithFilenameParameter() throws Exception {
    String token = login(gateway, ALICE, PASSWORD);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            gateway.url("/api/v1/conversions?filename=" + URLEncoder.encode("Größe \"1\".mp4", StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "video/mp4")
        .POST(HttpRequest.BodyPublishers.ofByteArray(video)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String name = JSON.readTree(response.body()).path("name").asText();
    String uid = finish(name);

    HttpResponse<byte[]> download = getBytes(gateway, "/download?fid=" + uid, token, null);
    assertThat(download.statusCode()).isEqualTo(200);
    // RFC 6266: an ASCII fallback and the exact UTF-8 name.
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename=\"Gr__e _1_.mp3\"")
        .contains("filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%221%22.mp3");
  }

  @Test
  void unauthorizedWithoutAValidToken() throws Exception {
    String valid = login(gateway, ALICE, PASSWORD);
    String[] parts = valid.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"alice\"", "\"admin\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    String expired = JWT.create().withSubject(ALICE).withClaim("email", "alice@example.com").withClaim("admin", false)
        .withIssuer(AuthProcess.ISSUER).withIssuedAt(Instant.now().minusSeconds(7200))
        .withExpiresAt(Instant.now().minusSeconds(3600)).sign(Algorithm.HMAC256(AuthProcess.JWT_SECRET));

    for (String path : List.of("/api/v1/conversions", "/download?fid=x", "/api/v1/conversions/vc-1")) {
      assertUnauthorized(http.send(HttpRequest.newBuilder(gateway.url(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
      assertUnauthorized(get(gateway, path, "garbage"));
      assertUnauthorized(get(gateway, path, tampered));
      assertUnauthorized(get(gateway, path, expired));
    }
    assertUnauthorized(http.send(HttpRequest.newBuilder(gateway.url("/upload"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:x".getBytes()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(video)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void loginForwardsAuthsAnswer() throws Exception {
    String basic = Base64.getEncoder().encodeToString((ALICE + ":wrong-password").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.url("/login"))
        .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
  }

  @Test
  void anotherUsersConversionDoesNotExist() throws Exception {
    String alice = login(gateway, ALICE, PASSWORD);
    String bob = login(gateway, BOB, PASSWORD);
    String admin = login(gateway, AuthProcess.ADMIN, AuthProcess.ADMIN_PASSWORD);
    String name = uploadVideo(alice, "mine.mp4");
    String uid = finish(name);

    for (String path : List.of("/api/v1/conversions/" + name, "/api/v1/conversions/" + name + "/audio",
        "/download?fid=" + uid)) {
      HttpResponse<String> response = get(gateway, path, bob);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("not_found");
      assertThat(get(gateway, path, admin).statusCode()).as("admin " + path).isEqualTo(200);
    }
    assertThat(get(gateway, "/download?fid=no-such-file", alice).statusCode()).isEqualTo(404);
    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(gateway.url("/api/v1/conversions/" + name))
        .header("Authorization", "Bearer " + bob).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(404);
    assertThat(conversion(name)).isNotNull();

    JsonNode bobs = JSON.readTree(get(gateway, "/api/v1/conversions", bob).body());
    assertThat(bobs.path("items").findValuesAsText("name")).doesNotContain(name);
    JsonNode all = JSON.readTree(get(gateway, "/api/v1/conversions?size=100", admin).body());
    assertThat(all.path("items").findValuesAsText("name")).contains(name);
  }

  @Test
  void listIsPagedNewestFirstAndDeleteRemovesTheResource() throws Exception {
    String bob = login(gateway, BOB, PASSWORD);
    String first = uploadVideo(bob, "one.mp4");
    String second = uploadVideo(bob, "two.mp4");

    JsonNode page = JSON.readTree(get(gateway, "/api/v1/conversions?page=0&size=1", bob).body());
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode all = JSON.readTree(get(gateway, "/api/v1/conversions?size=100", bob).body());
    List<String> created = all.path("items").findValuesAsText("createdAt");
    assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(all.path("items").findValuesAsText("name")).contains(first, second);
    assertThat(get(gateway, "/api/v1/conversions?size=0", bob).statusCode()).isEqualTo(400);

    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(gateway.url("/api/v1/conversions/" + first))
        .header("Authorization", "Bearer " + bob).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> conversion(first) == null);
    assertThat(get(gateway, "/api/v1/conversions/" + first, bob).statusCode()).isEqualTo(404);
  }

  @Test
  void rangeRequests() throws Exception {
    String token = login(gateway, ALICE, PASSWORD);
    String name = uploadVideo(token, "ranged.mp4");
    finish(name);
    String path = "/api/v1/conversions/" + name + "/audio";

    HttpResponse<byte[]> head = getBytes(gateway, path, token, "bytes=0-99");
    assertThat(head.statusCode()).isEqualTo(206);
    assertThat(head.body()).isEqualTo(Arrays.copyOfRange(mp3, 0, 100));
    assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + mp3.length);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("100");

    HttpResponse<byte[]> middle = getBytes(gateway, path, token, "bytes=1000-");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(mp3, 1000, mp3.length));

    HttpResponse<byte[]> tail = getBytes(gateway, path, token, "bytes=-10");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp3, mp3.length - 10, mp3.length));

    HttpResponse<byte[]> outside = getBytes(gateway, path, token, "bytes=" + mp3.length + "-");
    assertThat(outside.statusCode()).isEqualTo(416);
    assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + mp3.length);

    HttpResponse<byte[]> several = getBytes(gateway, path, token, "bytes=0-1,5-6");
    assertThat(several.statusCode()).isEqualTo(200);
    assertThat(several.body()).isEqualTo(mp3);
  }

  @Test
  void refusesTextNamedLikeAVideo() throws Exception {
    String token = login(gateway, ALICE, PASSWORD);
    long files = infra.count("videos.files");
    long chunks = infra.count("videos.chunks");
    HttpResponse<String> response = send(gateway, "/upload", token, new Multipart()
        .file("file", "notes.mp4", "video/mp4", "just some text, not a video\n".repeat(100).getBytes()));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unsupported_media_type");
    assertThat(infra.count("videos.files")).isEqualTo(files);
    assertThat(infra.count("videos.chunks")).isEqualTo(chunks);
  }

  @Test
  void badRequestWithoutExactlyOneFileField() throws Exception {
    String token = login(gateway, ALICE, PASSWORD);
    long files = infra.count("videos.files");
    HttpResponse<String> missing = send(gateway, "/upload", token, new Multipart().field("title", "no file here"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).path("message").asText()).contains("file");

    HttpResponse<String> twice = send(gateway, "/upload", token, new Multipart()
        .file("file", "a.mp4", "video/mp4", video).file("file", "b.mp4", "video/mp4", video));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(infra.count("videos.files")).isEqualTo(files);
    assertThat(infra.drainVideoQueue()).isEmpty();
  }

  @Test
  void tooLargeUploadIsRefusedAndNothingRemains() throws Exception {
    try (GatewayInstance small = GatewayInstance.builder(infra, auth).set("gateway.max-upload-size", "1MB").start()) {
      String token = login(small, ALICE, PASSWORD);
      long files = infra.count("videos.files");
      long chunks = infra.count("videos.chunks");
      byte[] big = Arrays.copyOf(video, 1536 * 1024);
      HttpResponse<String> response = send(small, "/upload", token,
          new Multipart().file("file", "big.mp4", "video/mp4", big));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("payload_too_large");
      assertThat(infra.count("videos.files")).isEqualTo(files);
      assertThat(infra.count("videos.chunks")).isEqualTo(chunks);
      assertThat(infra.drainVideoQueue()).isEmpty();

      // Declared too large up front: refused before reading.
      HttpResponse<String> declared = http.send(HttpRequest.newBuilder(small.url("/upload?filename=x.mp4"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "video/mp4")
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024])).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(declared.statusCode()).isEqualTo(413);
    }
  }

  @Test
  void brokerDownMeans503AndNoStoredVideo() throws Exception {
    int closed = AuthProcess.freePort();
    try (GatewayInstance noBroker = GatewayInstance.builder(infra, auth)
        .set("gateway.rabbitmq-uri", "amqp://guest:guest@127.0.0.1:" + closed).start()) {
      String token = login(noBroker, ALICE, PASSWORD);
      long files = infra.count("videos.files");
      long chunks = infra.count("videos.chunks");
      long started = System.nanoTime();
      HttpResponse<String> response = send(noBroker, "/upload", token,
          new Multipart().file("file", "talk.mp4", "video/mp4", video));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("error").asText()).isEqualTo("service_unavailable");
      assertThat(error.path("message").asText()).contains("RabbitMQ");
      assertThat(infra.count("videos.files")).isEqualTo(files);
      assertThat(infra.count("videos.chunks")).isEqualTo(chunks);

      HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(noBroker.managementUrl("/actuator/health/readiness"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(readiness.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void mongoDownMeans503AndNothingQueued() throws Exception {
    int closed = AuthProcess.freePort();
    try (GatewayInstance noMongo = GatewayInstance.builder(infra, auth)
        .set("gateway.mongodb-uri", "mongodb://127.0.0.1:" + closed + "/video2mp3").start()) {
      String token = login(noMongo, ALICE, PASSWORD);
      HttpResponse<String> response = send(noMongo, "/upload", token,
          new Multipart().file("file", "talk.mp4", "video/mp4", video));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(JSON.readTree(response.body()).path("message").asText()).contains("MongoDB");
      assertThat(infra.drainVideoQueue()).isEmpty();

      HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(noMongo.managementUrl("/actuator/health/readiness"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(readiness.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void kubernetesDownStillAcceptsAndQueues() throws Exception {
    int closed = AuthProcess.freePort();
    try (GatewayInstance noApi = GatewayInstance.builder(infra, auth)
        .set("gateway.kubernetes-master-url", "http://127.0.0.1:" + closed).start()) {
      String token = login(noApi, ALICE, PASSWORD);
      HttpResponse<String> response = send(noApi, "/upload", token,
          new Multipart().file("file", "talk.mp4", "video/mp4", video));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      String name = JSON.readTree(response.body()).path("name").asText();
      assertThat(awaitRequest(name).owner().username()).isEqualTo(ALICE);
      assertThat(conversion(name)).isNull();

      HttpResponse<String> list = get(noApi, "/api/v1/conversions", token);
      assertThat(list.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(list.body()).path("message").asText()).contains("Kubernetes");
    }
  }

  @Test
  void authDownMeans503NamingAuth() throws Exception {
    int closed = AuthProcess.freePort();
    try (GatewayInstance noAuth = GatewayInstance.builder(infra, auth)
        .set("gateway.auth-url", "http://127.0.0.1:" + closed).start()) {
      HttpResponse<String> response = get(noAuth, "/api/v1/conversions", "some.token.value");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(response.body()).path("message").asText()).contains("auth");
    }
  }

  @Test
  void docsHealthMetricsAndPage() throws Exception {
    HttpResponse<String> docs = get(gateway, "/v3/api-docs", null);
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(docs.body()).path("paths").has("/upload")).isTrue();
    assertThat(get(gateway, "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);

    HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(gateway.managementUrl("/actuator/health/readiness"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.body()).contains("mongo").contains("rabbit");

    String token = login(gateway, ALICE, PASSWORD);
    uploadVideo(token, "metrics.mp4");
    String metrics = http.send(HttpRequest.newBuilder(gateway.managementUrl("/actuator/prometheus")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("gateway_uploads_total").contains("gateway_upload_bytes")
        .contains("gateway_upload_duration_seconds");

    HttpResponse<String> page = get(gateway, "/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("video2mp3").contains("app.js");
    assertThat(get(gateway, "/app.js", null).statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = get(gateway, "/no/such/path", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("not_found");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String login(GatewayInstance target, String username, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.url("/login"))
        .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return response.body().trim();
  }

  private String uploadVideo(String token, String filename) throws Exception {
    HttpResponse<String> response = send(gateway, "/api/v1/conversions", token,
        new Multipart().field("note", "ignored").file("file", filename, "video/mp4", video));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).path("name").asText();
  }

  private HttpResponse<String> send(GatewayInstance target, String path, String token, Multipart body) throws Exception {
    return http.send(HttpRequest.newBuilder(target.url(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", body.contentType())
        .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(GatewayInstance target, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.url(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(GatewayInstance target, String path, String token, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.url(path)).GET()
        .header("Authorization", "Bearer " + token);
    if (range != null) {
      request.header("Range", range);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unauthorized");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  private VideoConversion conversion(String name) {
    return infra.kubernetes.resources(VideoConversion.class).inNamespace(Infrastructure.NAMESPACE).withName(name).get();
  }

  private ConversionRequested awaitRequest(String name) {
    EventCodec codec = new EventCodec();
    List<ConversionRequested> seen = new java.util.ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      for (GetResponse message : infra.drainVideoQueue()) {
        seen.add(codec.decode(message.getBody(), ConversionRequested.class));
      }
      return seen.stream().anyMatch(r -> r.name().equals(name));
    });
    return seen.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private String finish(String name) {
    return OperatorStandIn.finish(infra, name, mp3);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
