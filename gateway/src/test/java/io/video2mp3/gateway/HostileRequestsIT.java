package io.video2mp3.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.video2mp3.gateway.support.ApiClient;
import io.video2mp3.gateway.support.GatewayStack;
import io.video2mp3.gateway.support.Multipart;
import io.video2mp3.gateway.support.TestMedia;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Requests shaped to break things: bad parameters, huge or deceptive filenames, probing for actuator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-1";

  @TempDir
  static Path media;

  private GatewayStack stack;
  private ApiClient api;
  private byte[] video;
  private String token;

  @BeforeAll
  void start() throws Exception {
    stack = GatewayStack.start("hostile-it", gateway -> gateway);
    stack.auth().createUser("ivy", PASSWORD, false);
    api = new ApiClient(stack.gateway());
    video = Files.readAllBytes(TestMedia.mp4(media, "talk.mp4", 1));
    token = api.token("ivy", PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aParameterOfTheWrongTypeIs400WithoutAStackTrace(CapturedOutput output) throws Exception {
    for (String query : List.of("size=abc", "page=1e3", "page=-", "size=99999999999999999999")) {
      HttpResponse<String> response = get("/api/v1/conversions?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("error").asText()).isEqualTo("bad_request");
      assertThat(error.path("message").asText()).as(query).matches("parameter '(size|page)' must be a number");
    }
    assertThat(output.getAll()).doesNotContain("MethodArgumentTypeMismatchException").doesNotContain("\tat ");
  }

  @Test
  void aMultipartFilenameLongerThanThePartHeaderLimitIs400SayingSo() throws Exception {
    long files = stack.infra().count("videos.files");
    for (String name : List.of("a".repeat(600) + ".mp4", "動画".repeat(120) + ".mp4")) {
      HttpResponse<String> response = upload(new Multipart().file("file", name, "video/mp4", video));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("message").asText())
          .contains("longer than 512 bytes").contains("filename").doesNotContain("2147483648");
    }
    assertThat(stack.infra().count("videos.files")).isEqualTo(files);
  }

  @Test
  void aLongRawFilenameIsAcceptedAndStoredShortenedWithItsExtension() throws Exception {
    String name = "lecture-" + "ü".repeat(1000) + ".mkv";
    HttpResponse<String> response = api.upload("/api/v1/conversions?filename=" + URLEncoder.encode(name,
        StandardCharsets.UTF_8), token, "video/mp4", HttpRequest.BodyPublishers.ofByteArray(video));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String stored = stack.conversion(JSON.readTree(response.body()).path("name").asText()).getSpec().getSource().filename();
    assertThat(stored).hasSize(200).startsWith("lecture-ü").endsWith(".mkv");
  }

  @Test
  void bidirectionalOverridesAndControlsNeverReachTheStoredName() throws Exception {
    // Shown as "invoice_fdp.exe" reversed: "invoice_exe.pdf" in a list or a mail subject.
    String deceptive = "invoice_\u202Efdp\u2066\u200F\u0085.exe.mp4";
    HttpResponse<String> response = upload(new Multipart().file("file", deceptive, "video/mp4", video));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String name = JSON.readTree(response.body()).path("name").asText();
    assertThat(stack.conversion(name).getSpec().getSource().filename()).isEqualTo("invoice_fdp.exe.mp4");
    assertThat(JSON.readTree(get("/api/v1/conversions/" + name).body()).path("filename").asText())
        .isEqualTo("invoice_fdp.exe.mp4");
  }

  @Test
  void actuatorIsOnlyOnTheManagementPort() throws Exception {
    for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env")) {
      HttpResponse<String> response = api.anonymous(stack.gateway().url(path));
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).doesNotContain("jvm_").doesNotContain("UP");
    }
    HttpResponse<String> metrics = api.anonymous(stack.gateway().managementUrl("/actuator/prometheus"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_");
  }

  private HttpResponse<String> upload(Multipart body) throws Exception {
    return api.upload(token, body);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path, token);
  }
}
