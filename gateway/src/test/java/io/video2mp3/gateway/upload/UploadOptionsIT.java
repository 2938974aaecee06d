package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.gateway.support.ApiClient;
import io.video2mp3.gateway.support.GatewayStack;
import io.video2mp3.gateway.support.Multipart;
import io.video2mp3.gateway.support.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What the page sends besides the file: a bitrate, a browser-escaped filename; and the limits it states. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadOptionsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-1";

  @TempDir
  static Path media;

  private GatewayStack stack;
  private ApiClient api;
  private String token;
  private byte[] video;

  @BeforeAll
  void start() throws Exception {
    stack = GatewayStack.start("upload-options-it");
    stack.auth().createUser("dave", PASSWORD, false);
    api = new ApiClient(stack.gateway());
    token = api.token("dave", PASSWORD);
    video = Files.readAllBytes(TestMedia.mp4(media, "talk.mp4", 1));
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theBitrateFieldAfterTheFileAndTheEscapedQuotesReachTheConversion() throws Exception {
    HttpResponse<String> response = upload("", new Multipart()
        .file("file", "Our %22best%22 talk.mp4", "video/mp4", video).field("bitrate", "128k"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

    VideoConversion conversion = conversion(JSON.readTree(response.body()).path("name").asText());
    assertThat(conversion.getSpec().getOutput().bitrate()).isEqualTo("128k");
    assertThat(conversion.getSpec().getSource().filename()).isEqualTo("Our \"best\" talk.mp4");
  }

  @Test
  void aBadBitrateIsRefusedAndNothingIsStored() throws Exception {
    long before = storedVideos();
    HttpResponse<String> response = upload("", new Multipart()
        .file("file", "bad-rate.mp4", "video/mp4", video).field("bitrate", "9000k"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText()).contains("32k to 320k");
    assertThat(storedVideos()).isEqualTo(before);

    assertThat(upload("?bitrate=64", new Multipart().file("file", "q.mp4", "video/mp4", video)).statusCode())
        .isEqualTo(400);
    assertThat(storedVideos()).isEqualTo(before);
  }

  @Test
  void theLimitsSayTheLargestFileTheFormatsAndTheBitrates() throws Exception {
    HttpResponse<String> response = api.get("/api/v1/limits", token);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode limits = JSON.readTree(response.body());
    assertThat(limits.path("maxUploadBytes").asLong()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(limits.path("formats").toString()).contains("MP4").contains("MKV");
    assertThat(limits.path("bitrates").toString()).contains("128k").contains("320k");
    assertThat(limits.path("defaultBitrate").asText()).isEqualTo("192k");
  }

  private HttpResponse<String> upload(String query, Multipart body) throws Exception {
    return api.upload("/api/v1/conversions" + query, token, body.contentType(), body.publisher());
  }

  private VideoConversion conversion(String name) {
    return stack.conversion(name);
  }

  private long storedVideos() {
    return stack.infra().mongo.getCollection("videos.files").countDocuments(new Document());
  }
}
