package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.gateway.support.AuthProcess;
import io.video2mp3.gateway.support.GatewayInstance;
import io.video2mp3.gateway.support.Infrastructure;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The streaming promise: the gateway jar in its own JVM with a 128 MB heap takes a 1 GB upload (a raw
 * video ffmpeg writes straight into the request body) and stores it byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeUploadIT {

  private static final long UPLOAD_BYTES = Long.getLong("largeUpload.bytes", 1L << 30);
  private static final int FRAME_BYTES = 640 * 360 * 3;
  private static final String HEAP = "-Xmx128m";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private AuthProcess auth;
  private Infrastructure infra;
  private Process gateway;
  private URI gatewayUrl;
  private URI managementUrl;
  private Path gatewayLog;

  @BeforeAll
  void start() throws Exception {
    auth = AuthProcess.start("large-upload");
    auth.createUser("carol", "correct-horse-1", false);
    infra = new Infrastructure();
    int port = AuthProcess.freePort();
    gatewayUrl = URI.create("http://127.0.0.1:" + port);
    int managementPort = AuthProcess.freePort();
    managementUrl = URI.create("http://127.0.0.1:" + managementPort);
    gatewayLog = Path.of("target", "gateway-large-upload.log");
    ProcessBuilder builder = new ProcessBuilder(AuthProcess.javaBin(), HEAP, "-XX:+ExitOnOutOfMemoryError",
        "-jar", gatewayJar().toString())
        .redirectErrorStream(true)
        .redirectOutput(gatewayLog.toFile());
    Map<String, String> env = builder.environment();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("AUTH_URL", auth.url().toString());
    env.put("MONGODB_URI", infra.mongoUri);
    env.put("RABBITMQ_URI", Infrastructure.RABBITMQ_URI);
    env.put("KUBERNETES_MASTER_URL", infra.kubernetesUrl());
    env.put("CONVERSIONS_NAMESPACE", Infrastructure.NAMESPACE);
    env.put("DOWNLOAD_LINK_SECRET", GatewayInstance.LINK_SECRET);
    gateway = builder.start();
    awaitReady();
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) {
      gateway.destroy();
      if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
        gateway.destroyForcibly().waitFor();
      }
    }
    if (infra != null) {
      infra.purgeVideoQueue();
      infra.close();
    }
    if (auth != null) {
      auth.close();
    }
  }

  @Test
  void oneGigabyteThroughA128MegabyteHeap() throws Exception {
    String token = auth.login("carol", "correct-horse-1");
    long frames = (UPLOAD_BYTES + FRAME_BYTES - 1) / FRAME_BYTES;
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error",
        "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-frames:v", Long.toString(frames),
        "-c:v", "rawvideo", "-pix_fmt", "rgb24", "-allow_raw_vfw", "1", "-f", "matroska", "-")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    CountingInputStream video = new CountingInputStream(new DigestInputStream(ffmpeg.getInputStream(), sha256));
    String boundary = "----large" + UUID.randomUUID().toString().replace("-", "");
    InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
        ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mkv\"\r\n"
            + "Content-Type: video/x-matroska\r\n\r\n"),
        video,
        ascii("\r\n--" + boundary + "--\r\n"))));

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUrl.resolve("/upload"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(ffmpeg.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(ffmpeg.exitValue()).as("ffmpeg exit code").isZero();
    assertThat(response.statusCode()).as("%s; see %s", response.body(), gatewayLog.toAbsolutePath()).isEqualTo(202);
    assertThat(gateway.isAlive()).as("the gateway survived; see %s", gatewayLog.toAbsolutePath()).isTrue();
    assertThat(video.count).isGreaterThanOrEqualTo(UPLOAD_BYTES);

    String name = new ObjectMapper().readTree(response.body()).path("name").asText();
    GridFSFile stored = GridFSBuckets.create(infra.mongo, StorageLayout.VIDEOS_BUCKET)
        .find(new Document("_id", new ObjectId(name.substring("vc-".length())))).first();
    assertThat(stored).isNotNull();
    assertThat(stored.getLength()).isEqualTo(video.count);
    assertThat(stored.getMetadata().getString(StorageLayout.META_SHA256))
        .isEqualTo(HexFormat.of().formatHex(sha256.digest()));
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertThat(gateway.isAlive()).as("gateway exited; see %s", gatewayLog.toAbsolutePath()).isTrue();
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(managementUrl.resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      gateway.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("gateway did not become ready; see " + gatewayLog.toAbsolutePath());
  }

  private static Path gatewayJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("gateway-[^-].*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no gateway jar in target/: run mvn verify, not mvn test"));
    }
  }

  private static InputStream ascii(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts what the request body took from ffmpeg. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
