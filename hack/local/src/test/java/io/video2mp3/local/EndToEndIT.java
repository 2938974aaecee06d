package io.video2mp3.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.local.mail.LocalMail;
import io.video2mp3.local.support.ListeningSockets;
import io.video2mp3.local.support.Ports;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform as hack/local-up.sh runs it (the script itself, from the built jars, with its data
 * in a temporary directory and every port free), driven from outside: HTTP against the gateway and
 * auth, kubectl (or a fabric8 client when kubectl is not installed) against the local Kubernetes API,
 * the mails the notifier sent, and ffprobe on the MP3s. Test videos are generated with ffmpeg here.
 */
@TestMethodOrder(OrderAnnotation.class)
class EndToEndIT {

  private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE_ID = Pattern.compile("mp3 file_id: (\\S+)");
  private static final List<String> SERVICES = List.of("auth", "gateway", "operator", "notifier");

  @TempDir
  static Path dir;
  private static Path data;
  private static Path media;
  private static Process platform;
  private static ProcessHandle localUp;
  private static Path platformLog;
  private static Map<String, String> endpoints;
  private static int operatorPort;
  private static Kube kube;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // What the first test leaves for the access test.
  private static String firstName;
  private static String firstFileId;

  @BeforeAll
  static void startPlatform() throws Exception {
    for (String module : SERVICES) {
      try (Stream<Path> jars = Files.list(REPO.resolve(module).resolve("target"))) {
        assertThat(jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(module + "-") && n.endsWith(".jar")))
            .as("%s/target/%s-*.jar (build first: mvn -B -DskipTests install)", module, module).isNotEmpty();
      } catch (IOException e) {
        throw new AssertionError(module + "/target is missing: build first (mvn -B -DskipTests install)", e);
      }
    }
    data = dir.resolve("local");
    media = Files.createDirectories(dir.resolve("media"));
    platformLog = dir.resolve("local-up.log");
    operatorPort = Ports.free();

    // As a script starts it: a background job of a non-interactive shell, so with SIGINT ignored at first.
    Path localUpPid = dir.resolve("local-up.pid");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "bash \"$0\" & echo $! > \"$1\"; wait $!",
        REPO.resolve("hack/local-up.sh").toString(), localUpPid.toString())
        .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(platformLog.toFile());
    Map<String, String> env = builder.environment();
    // The embedded parts, whatever the calling shell points at.
    env.keySet().removeAll(List.of("MONGODB_URI", "RABBITMQ_URI", "MYSQL_URL", "JWT_SECRET", "KUBECONFIG"));
    env.put("LOCAL_SKIP_BUILD", "1");
    // Bounded, but long enough for four Spring Boot JVMs starting on two cores that other builds share.
    env.put("LOCAL_START_TIMEOUT_SECONDS", "270");
    env.put("LOCAL_DIR", data.toString());
    env.put("GATEWAY_PORT", String.valueOf(Ports.free()));
    env.put("AUTH_PORT", String.valueOf(Ports.free()));
    env.put("OPERATOR_PORT", String.valueOf(operatorPort));
    env.put("NOTIFIER_PORT", String.valueOf(Ports.free()));
    env.put("SAMPLES_PORT", String.valueOf(Ports.free()));
    env.put("MAILBOX_PORT", String.valueOf(Ports.free()));
    platform = builder.start();
    await("local-up.sh's pid").atMost(Duration.ofSeconds(10)).until(() -> Files.size(localUpPid) > 0);
    localUp = ProcessHandle.of(Long.parseLong(Files.readString(localUpPid).strip())).orElseThrow();
    // Should this JVM be stopped before @AfterAll (mvn interrupted), the platform goes with it.
    ProcessHandle started = localUp;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "e2e-platform-stop"));

    // The test videos, while the platform starts.
    CompletableFuture<Void> videos = CompletableFuture.runAsync(EndToEndIT::generateMedia);

    Path endpointsFile = data.resolve("endpoints.env");
    await("the local platform to be up (" + platformLog + ")").atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          assertThat(platform.isAlive()).as("local-up.sh exited early:\n%s", tail(platformLog)).isTrue();
          return Files.isRegularFile(endpointsFile);
        });
    endpoints = readEndpoints(endpointsFile);
    assertThat(endpoints.get("GATEWAY_URL")).as("gateway URL").startsWith("http://127.0.0.1:");
    assertThat(Files.readString(platformLog)).contains("video2mp3 is running locally");
    kube = Kube.connect(Path.of(endpoints.get("KUBECONFIG")));
    videos.get(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (kube != null) {
      kube.close();
    }
    if (platform == null) {
      return;
    }
    // SIGINT, as Ctrl-C (and as a script stops its background job): the platform stops every process it
    // started, although the shell started it with SIGINT ignored.
    List<ProcessHandle> children = platform.descendants().toList();
    new ProcessBuilder("kill", "-INT", String.valueOf(localUp.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    boolean stopped = platform.waitFor(60, TimeUnit.SECONDS);
    if (!stopped) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
    await("every process of the platform to exit").atMost(Duration.ofSeconds(10))
        .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    keepLogs();
    assertThat(stopped).as("local-up.sh stopped within 60 s of SIGINT").isTrue();
    assertThat(children.stream().filter(ProcessHandle::isAlive)).as("processes left behind").isEmpty();
  }

  /** The platform's and the services' logs outlive the temporary directory: target/e2e-logs/. */
  private static void keepLogs() throws IOException {
    Path kept = Path.of("target", "e2e-logs").toAbsolutePath();
    Files.createDirectories(kept);
    Files.copy(platformLog, kept.resolve("local-up.log"), StandardCopyOption.REPLACE_EXISTING);
    Path logs = data.resolve("logs");
    if (Files.isDirectory(logs)) {
      try (Stream<Path> files = Files.list(logs)) {
        for (Path file : files.toList()) {
          Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void theTutorialFlowConvertsAnUploadAndMailsTheDownloadLink() throws Exception {
    String token = login(demoUser(), demoPassword());
    assertThat(token.split("\\.")).as("a JWT: %s", token).hasSize(3);

    HttpResponse<String> upload = upload(token, media.resolve("tutorial.mp4"), "video/mp4");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    JsonNode accepted = JSON.readTree(upload.body());
    String name = accepted.path("name").asText();
    assertThat(name).startsWith("vc-");
    assertThat(accepted.path("statusUrl").asText()).endsWith("/api/v1/conversions/" + name);

    Mail mail = awaitMail("the MP3-ready mail for tutorial.mp4", m -> m.subject().contains("tutorial.mp3"));
    assertThat(mail.to()).isEqualTo(endpoints.getOrDefault("DEMO_EMAIL", "demo@video2mp3.local"));
    Matcher fid = FILE_ID.matcher(mail.text());
    assertThat(fid.find()).as("the mail names the mp3 file id:\n%s", mail.text()).isTrue();
    String fileId = fid.group(1);
    Matcher signed = Pattern.compile("Download: (\\S+/download/signed\\?fid=" + Pattern.quote(fileId) + "&\\S+)")
        .matcher(mail.text());
    assertThat(signed.find()).as("the mail's signed link:\n%s", mail.text()).isTrue();
    HttpResponse<byte[]> byLink = HTTP.send(HttpRequest.newBuilder(URI.create(signed.group(1))).GET().build(),
        BodyHandlers.ofByteArray());
    assertThat(byLink.statusCode()).as("the mail's link downloads without a login").isEqualTo(200);

    HttpResponse<byte[]> download = HTTP.send(get("/download?fid=" + encode(fileId), token), BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/mpeg"));
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    assertThat(byLink.body()).isEqualTo(download.body());
    Path mp3 = Files.write(dir.resolve("tutorial.mp3"), download.body());
    assertThat(duration(mp3)).isCloseTo(12.0, within(1.0));
    assertThat(ffprobe(mp3, "stream=codec_name")).isEqualTo("mp3");

    VideoConversion vc = kube.get(name);
    VideoConversionStatus status = vc.getStatus();
    assertThat(status.getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(status.getOutput()).isNotNull();
    assertThat(status.getOutput().fileId()).isEqualTo(fileId).isEqualTo(vc.getMetadata().getUid());
    assertThat(status.getOutput().sizeBytes()).isEqualTo(download.body().length);
    assertThat(status.getOutput().durationSeconds()).isCloseTo(12.0, within(1.0));
    assertThat(status.getProgress()).isEqualTo(100);
    assertThat(status.getConditions()).extracting(Condition::getType).doesNotHaveDuplicates().contains("Ready");
    assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("Ready"))
        .allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(status.getCompletedAt()).isNotBlank();
    await("status.notified").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .until(() -> Boolean.TRUE.equals(kube.get(name).getStatus().getNotified()));
    assertThat(vc.getSpec().getOwner().username()).isEqualTo(demoUser());
    assertThat(kube.table()).containsPattern(Pattern.quote(name) + "\\s+Succeeded\\s+100\\s+" + demoUser());

    HttpResponse<String> own = HTTP.send(get("/api/v1/conversions/" + name, token), BodyHandlers.ofString());
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(own.body()).path("phase").asText()).isEqualTo("Succeeded");

    firstName = name;
    firstFileId = fileId;
  }

  @Test
  @Order(2)
  void aVideoWithoutAudioFailsAtOnceWithAReasonAndAMail() throws Exception {
    String token = login(demoUser(), demoPassword());
    assertNotConvertible(token, media.resolve("silent.mp4"), "video/mp4", "silent", "audio");
  }

  @Test
  @Order(3)
  void aTextFileNamedMp4IsRefusedOrFailsAtOnce() throws Exception {
    String token = login(demoUser(), demoPassword());
    assertNotConvertible(token, media.resolve("notes.mp4"), "video/mp4", "notes", null);
  }

  /** Refused at upload with 415, or accepted and then Failed after one attempt, with a reason and a mail. */
  private static void assertNotConvertible(String token, Path file, String type, String baseName, String reasonWord)
      throws Exception {
    HttpResponse<String> upload = upload(token, file, type);
    if (upload.statusCode() == 415) {
      System.out.println("e2e: " + file.getFileName() + " was refused at upload: " + upload.body());
      JsonNode error = JSON.readTree(upload.body());
      assertThat(error.path("error").asText()).isNotBlank();
      assertThat(error.path("message").asText()).isNotBlank();
      return;
    }
    assertThat(upload.statusCode()).as("202 or 415: %s", upload.body()).isEqualTo(202);
    String name = JSON.readTree(upload.body()).path("name").asText();

    VideoConversion vc = awaitTerminal(name, Duration.ofSeconds(90));
    VideoConversionStatus status = vc.getStatus();
    assertThat(status.getPhase()).as("phase of %s (%s)", name, status.getMessage()).isEqualTo(Phase.Failed);
    assertThat(status.getMessage()).as("the reason").isNotBlank();
    if (reasonWord != null) {
      assertThat(status.getMessage()).containsIgnoringCase(reasonWord);
    }
    System.out.println("e2e: " + file.getFileName() + " ended " + status.getPhase() + ": " + status.getMessage());
    assertThat(status.getAttempts()).as("attempts: not convertible is never retried").isEqualTo(1);
    assertThat(status.getOutput() == null || status.getOutput().fileId() == null).as("no output").isTrue();
    Job job = kube.job(status.getJobName());
    assertThat(job.getStatus().getFailed()).as("failed pods of %s", status.getJobName()).isEqualTo(1);

    Mail mail = awaitMail("the failure mail for " + name, m -> m.text().contains(name));
    assertThat(mail.subject()).containsIgnoringCase("fail");
    assertThat(mail.text()).contains(status.getMessage().strip()).contains(baseName);
    HttpResponse<String> audio = HTTP.send(get("/api/v1/conversions/" + name + "/audio", token), BodyHandlers.ofString());
    assertThat(audio.statusCode()).as("no audio for a failed conversion").isIn(404, 409);
  }

  @Test
  @Order(4)
  void anotherUserCannotSeeOrDownloadTheFirstUsersConversion() throws Exception {
    assertThat(firstName).as("needs the conversion of the first test").isNotNull();
    // A second, non-admin user, created through auth's user API by the demo admin.
    String adminToken = send(HttpRequest.newBuilder(URI.create(endpoints.get("AUTH_URL") + "/login"))
        .header("Authorization", basic(demoUser(), demoPassword())).POST(BodyPublishers.noBody()), 200);
    send(HttpRequest.newBuilder(URI.create(endpoints.get("AUTH_URL") + "/users"))
        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"username\":\"mallory\",\"email\":\"mallory@video2mp3.local\","
            + "\"password\":\"mallory-password\",\"admin\":false}")), 201);
    String mallory = login("mallory", "mallory-password");

    for (String path : List.of("/api/v1/conversions/" + firstName, "/api/v1/conversions/" + firstName + "/audio",
        "/download?fid=" + encode(firstFileId))) {
      HttpResponse<String> response = HTTP.send(get(path, mallory), BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s as another user: %s", path, response.body()).isEqualTo(404);
      // The same answer as for a conversion that does not exist: nothing about the owner or the file.
      assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("not_found");
      assertThat(response.body()).doesNotContain("tutorial").doesNotContain(demoUser());
    }
    HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(gateway("/api/v1/conversions/" + firstName)))
        .header("Authorization", "Bearer " + mallory).DELETE().build(), BodyHandlers.ofString());
    assertThat(delete.statusCode()).as("DELETE as another user").isEqualTo(404);
    HttpResponse<String> list = HTTP.send(get("/api/v1/conversions", mallory), BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(firstName);

    // The owner still can.
    String demo = login(demoUser(), demoPassword());
    assertThat(HTTP.send(get("/download?fid=" + encode(firstFileId), demo), BodyHandlers.discarding()).statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(5)
  void theOperatorKilledMidConversionLosesNothingAndDuplicatesNothing() throws Exception {
    String token = login(demoUser(), demoPassword());
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      names.add(accepted(upload(token, media.resolve("restart-" + i + ".mp4"), "video/mp4")));
    }
    await("a conversion to be running").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> names.stream().anyMatch(n -> phase(n) == Phase.Running));
    long before = names.stream().filter(n -> phase(n) == null || !phase(n).isTerminal()).count();

    Path pidFile = data.resolve("run/operator.pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle operator = ProcessHandle.of(pid).orElseThrow();
    assertThat(operator.info().commandLine().orElse("")).contains("operator");
    operator.destroyForcibly(); // kill -9
    await("the operator to die").atMost(Duration.ofSeconds(10)).until(() -> !operator.isAlive());
    assertThat(before).as("conversions still in progress when the operator was killed").isPositive();
    System.out.println("e2e: killed the operator (pid " + pid + ") with " + before + " of 3 conversions in progress");

    // One more upload while the operator is down: the gateway creates the resource and queues the request.
    names.add(accepted(upload(token, media.resolve("restart-4.mp4"), "video/mp4")));

    // The platform starts it again, as a Deployment would.
    await("the operator to be restarted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> !Files.readString(pidFile).strip().equals(String.valueOf(pid))
            && healthy("http://127.0.0.1:" + operatorPort + "/health/ready"));

    Map<String, String> uids = new LinkedHashMap<>();
    for (String name : names) {
      VideoConversion vc = awaitTerminal(name, Duration.ofSeconds(120));
      assertThat(vc.getStatus().getPhase()).as("%s: %s", name, vc.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
      assertThat(vc.getStatus().getOutput().durationSeconds()).isCloseTo(30.0, within(1.0));
      uids.put(name, vc.getMetadata().getUid());
    }
    // Exactly one mail per conversion, and still one a few seconds later (no late duplicate).
    await("one mail per conversion").atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(4))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          List<Mail> mails = mails();
          Map<String, Long> counts = new LinkedHashMap<>();
          uids.forEach((name, uid) -> counts.put(name, mailsNaming(mails, uid)));
          assertThat(counts).as("mails per conversion").allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
        });
    // Exactly one MP3 per conversion in GridFS, downloadable.
    try (MongoClient mongo = MongoClients.create(endpoints.get("MONGODB_URI"))) {
      var files = mongo.getDatabase(StorageLayout.DEFAULT_DATABASE).getCollection(StorageLayout.MP3S_BUCKET + ".files");
      var chunks = mongo.getDatabase(StorageLayout.DEFAULT_DATABASE).getCollection(StorageLayout.MP3S_BUCKET + ".chunks");
      for (var entry : uids.entrySet()) {
        assertThat(files.countDocuments(Filters.eq("_id", entry.getValue()))).as("MP3s of %s", entry.getKey()).isEqualTo(1);
        // One writer only: exactly the chunks the file's length needs (a second converter run would add or
        // replace chunks), and one Job that succeeded once.
        Document file = files.find(Filters.eq("_id", entry.getValue())).first();
        long expectedChunks = (file.getLong("length") + file.getInteger("chunkSize") - 1) / file.getInteger("chunkSize");
        assertThat(chunks.countDocuments(Filters.eq("files_id", entry.getValue()))).as("chunks of %s", entry.getKey())
            .isEqualTo(expectedChunks);
        Job job = kube.job(kube.get(entry.getKey()).getStatus().getJobName());
        assertThat(job.getStatus().getSucceeded()).as("successful runs of %s", job.getMetadata().getName()).isEqualTo(1);
        Path mp3 = dir.resolve(entry.getKey() + ".mp3");
        HttpResponse<Path> download = HTTP.send(get("/download?fid=" + encode(entry.getValue()), token),
            BodyHandlers.ofFile(mp3));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(duration(mp3)).isCloseTo(30.0, within(1.0));
      }
      long succeeded = kube.list().stream().filter(vc -> vc.getStatus() != null && vc.getStatus().getPhase() == Phase.Succeeded).count();
      assertThat(files.countDocuments()).as("every MP3 in GridFS belongs to a Succeeded conversion").isEqualTo(succeeded);
    }
  }

  @Test
  @Order(6)
  void theUrlSampleAppliedWithKubectlConvertsToo() throws Exception {
    String yaml = Files.readString(REPO.resolve("samples/videoconversion-url.yaml"));
    assertThat(yaml).contains("http://127.0.0.1:8090/sample.mp4");
    // The sample names the default samples port; here the runtime serves the sample on a free one.
    String applied = kube.apply(yaml.replace("http://127.0.0.1:8090", endpoints.get("SAMPLES_URL")));
    assertThat(applied).contains("sample-url");

    VideoConversion vc = awaitTerminal("sample-url", Duration.ofSeconds(90));
    assertThat(vc.getStatus().getPhase()).as(vc.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
    assertThat(vc.getStatus().getOutput().durationSeconds()).isCloseTo(10.0, within(1.0));
    Mail mail = awaitMail("the mail for the URL sample", m -> m.subject().contains("sample.mp3"));
    assertThat(mail.text()).contains("mp3 file_id: " + vc.getMetadata().getUid());
    HttpResponse<byte[]> download = HTTP.send(get("/download?fid=" + encode(vc.getMetadata().getUid()),
        login(demoUser(), demoPassword())), BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(duration(Files.write(dir.resolve("sample.mp3"), download.body()))).isCloseTo(10.0, within(1.0));
  }

  @Test
  @Order(7)
  void everyProcessOfThePlatformListensOnLoopbackOnly() throws Exception {
    List<Long> pids = platform.descendants().map(ProcessHandle::pid).toList();
    List<ListeningSockets.Listener> listeners = ListeningSockets.of(pids);
    assertThat(listeners).as("listening sockets of %s", pids)
        .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).as("%s", l).isTrue());
    List<Integer> ports = listeners.stream().map(ListeningSockets.Listener::port).toList();
    for (String url : List.of("GATEWAY_URL", "AUTH_URL", "MAILBOX_URL", "SAMPLES_URL", "MONGODB_URI", "RABBITMQ_URI",
        "MYSQL_URL")) {
      assertThat(ports).as("%s is among them", url).contains(URI.create(endpoints.get(url).replaceFirst("^jdbc:", "")).getPort());
    }
    assertThat(ports).as("the operator's health port").contains(operatorPort);
  }

  @Test
  @Order(8)
  void theWebPageWorksInChromium() throws Exception {
    BrowserTest.run(REPO, endpoints, media);
  }

  // ---------------------------------------------------------------------------------------------------
  // Test data

  private static void generateMedia() {
    // MP4s as ffmpeg writes them by default: the index (moov) at the end, the hard case for streaming.
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=12", "-f", "lavfi", "-i",
        "testsrc=size=160x120:rate=10:duration=12", "-shortest", "-c:v", "libx264", "-preset", "ultrafast",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", media.resolve("tutorial.mp4").toString());
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3", "-an", "-c:v", "libx264",
        "-preset", "ultrafast", "-pix_fmt", "yuv420p", media.resolve("silent.mp4").toString());
    for (int i = 1; i <= 4; i++) {
      ffmpeg("-f", "lavfi", "-i", "sine=frequency=" + (300 + 100 * i) + ":duration=30", "-f", "lavfi", "-i",
          "testsrc=size=64x48:rate=5:duration=30", "-shortest", "-c:v", "libx264", "-preset", "ultrafast",
          "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", media.resolve("restart-" + i + ".mp4").toString());
    }
    // For the browser test: two short videos, one with quotes in its name.
    for (String name : List.of("browser one.mp4", "Our \"best\" talk.mp4")) {
      ffmpeg("-f", "lavfi", "-i", "sine=frequency=550:duration=4", "-f", "lavfi", "-i",
          "testsrc=size=160x120:rate=10:duration=4", "-shortest", "-c:v", "libx264", "-preset", "ultrafast",
          "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", media.resolve(name).toString());
    }
    try {
      Files.writeString(media.resolve("notes.mp4"), "These are my meeting notes, not a video.\n".repeat(50));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ffmpeg(String... args) {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(List.of(args));
    String out = run(command, Duration.ofSeconds(60));
    assertThat(out).as("ffmpeg %s", String.join(" ", args)).isEmpty();
  }

  private static double duration(Path file) {
    return Double.parseDouble(ffprobe(file, "format=duration"));
  }

  private static String ffprobe(Path file, String entries) {
    return run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", entries, "-of", "csv=p=0",
        file.toString()), Duration.ofSeconds(30)).strip();
  }

  private static String run(List<String> command, Duration timeout) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
        try (InputStream in = process.getInputStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
      }
      String text = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // HTTP

  private static String demoUser() {
    return endpoints.get("DEMO_USER");
  }

  private static String demoPassword() {
    return endpoints.get("DEMO_PASSWORD");
  }

  private static String gateway(String path) {
    return endpoints.get("GATEWAY_URL") + path;
  }

  private static String login(String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(gateway("/login"))).header("Authorization", basic(user, password))
        .POST(BodyPublishers.noBody()), 200).strip();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(gateway(path))).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static String send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
        response.body()).isEqualTo(expected);
    return response.body();
  }

  /** multipart/form-data with the field "file", as curl -F 'file=@...' sends it. */
  private static HttpResponse<String> upload(String token, Path file, String contentType) throws Exception {
    String boundary = "e2e-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway("/upload")))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(60))
        .POST(BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail))).build();
    return HTTP.send(request, BodyHandlers.ofString());
  }

  private static String accepted(HttpResponse<String> upload) throws IOException {
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    return JSON.readTree(upload.body()).path("name").asText();
  }

  private static boolean healthy(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------------
  // Conversions and mails

  private static Phase phase(String name) {
    VideoConversion vc = kube.find(name).orElse(null);
    return vc == null || vc.getStatus() == null ? null : vc.getStatus().getPhase();
  }

  private static VideoConversion awaitTerminal(String name, Duration timeout) {
    return await(name + " to finish").atMost(timeout).pollInterval(Duration.ofMillis(500))
        .until(() -> kube.find(name).orElse(null),
            vc -> vc != null && vc.getStatus() != null && vc.getStatus().getPhase() != null
                && vc.getStatus().getPhase().isTerminal());
  }

  record Mail(String to, String subject, String text) {
  }

  private static List<Mail> mails() throws IOException {
    Path dirOfMails = data.resolve("mail");
    if (!Files.isDirectory(dirOfMails)) {
      return List.of();
    }
    List<Mail> mails = new ArrayList<>();
    try (Stream<Path> files = Files.list(dirOfMails)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
          MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
          mails.add(new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), LocalMail.plainPart(message.getContent())));
        } catch (Exception e) {
          throw new AssertionError("unreadable mail " + file, e);
        }
      }
    }
    return mails;
  }

  private static Mail awaitMail(String what, java.util.function.Predicate<Mail> which) {
    return await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> mails().stream().filter(which).findFirst(), Optional::isPresent).orElseThrow();
  }

  private static long mailsNaming(List<Mail> mails, String fileId) {
    return mails.stream().filter(m -> m.text().contains("mp3 file_id: " + fileId)).count();
  }

  private static Map<String, String> readEndpoints(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  // ---------------------------------------------------------------------------------------------------

  /** The local Kubernetes API as a user sees it: kubectl when installed, else a fabric8 client. */
  interface Kube extends AutoCloseable {

    static Kube connect(Path kubeconfig) throws IOException {
      Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
          .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst();
      return kubectl.isPresent() ? new Kubectl(kubectl.get(), kubeconfig) : new Fabric8(kubeconfig);
    }

    Optional<VideoConversion> find(String name);

    default VideoConversion get(String name) {
      return find(name).orElseThrow(() -> new AssertionError("no VideoConversion " + name));
    }

    List<VideoConversion> list();

    Job job(String name);

    /** `kubectl get vc`, or its nearest equivalent. */
    String table();

    String apply(String yaml);

    @Override
    void close();
  }

  record Kubectl(Path kubectl, Path kubeconfig) implements Kube {

    private String kubectl(String stdin, String... args) {
      List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
      command.addAll(List.of(args));
      try {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        if (stdin != null) {
          process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
          try {
            return process.getErrorStream().readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String error = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new KubectlFailed(String.join(" ", args) + ": " + error);
        }
        return new String(out, StandardCharsets.UTF_8);
      } catch (KubectlFailed e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("kubectl " + String.join(" ", args), e);
      }
    }

    @Override
    public Optional<VideoConversion> find(String name) {
      try {
        return Optional.of(Serialization.unmarshal(kubectl(null, "get", "vc", name, "-o", "json"), VideoConversion.class));
      } catch (KubectlFailed e) {
        if (e.getMessage().contains("NotFound") || e.getMessage().contains("not found")) {
          return Optional.empty();
        }
        throw e;
      }
    }

    @Override
    public List<VideoConversion> list() {
      try {
        JsonNode items = JSON.readTree(kubectl(null, "get", "videoconversions", "-o", "json")).path("items");
        List<VideoConversion> all = new ArrayList<>();
        for (JsonNode item : items) {
          all.add(Serialization.unmarshal(item.toString(), VideoConversion.class));
        }
        return all;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Job job(String name) {
      return Serialization.unmarshal(kubectl(null, "get", "job", name, "-o", "json"), Job.class);
    }

    @Override
    public String table() {
      return kubectl(null, "get", "vc");
    }

    @Override
    public String apply(String yaml) {
      return kubectl(yaml, "apply", "--validate=false", "-f", "-");
    }

    @Override
    public void close() {
    }
  }

  static final class KubectlFailed extends RuntimeException {
    KubectlFailed(String message) {
      super(message);
    }
  }

  static final class Fabric8 implements Kube {

    private final KubernetesClient client;

    Fabric8(Path kubeconfig) throws IOException {
      client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    }

    @Override
    public Optional<VideoConversion> find(String name) {
      return Optional.ofNullable(client.resources(VideoConversion.class).withName(name).get());
    }

    @Override
    public List<VideoConversion> list() {
      return client.resources(VideoConversion.class).list().getItems();
    }

    @Override
    public Job job(String name) {
      return client.batch().v1().jobs().withName(name).get();
    }

    @Override
    public String table() {
      StringBuilder table = new StringBuilder("NAME PHASE PROGRESS OWNER\n");
      for (VideoConversion vc : list()) {
        VideoConversionStatus s = vc.getStatus();
        table.append(vc.getMetadata().getName()).append("   ").append(s == null ? "" : s.getPhase()).append("   ")
            .append(s == null ? "" : s.getProgress()).append("   ").append(vc.getSpec().getOwner().username()).append('\n');
      }
      return table.toString();
    }

    @Override
    public String apply(String yaml) {
      VideoConversion vc = client.resources(VideoConversion.class)
          .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
      return client.resource(vc).createOr(r -> r.update()).getMetadata().getName() + " created";
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
