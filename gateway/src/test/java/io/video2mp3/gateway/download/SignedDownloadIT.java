package io.video2mp3.gateway.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.download.SignedLink.Grant;
import io.video2mp3.gateway.support.GatewayInstance;
import io.video2mp3.gateway.support.GatewayStack;
import io.video2mp3.gateway.support.Infrastructure;
import io.video2mp3.gateway.support.Multipart;
import io.video2mp3.gateway.support.OperatorStandIn;
import io.video2mp3.gateway.support.TestMedia;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The mail's signed link against a real gateway: no login, dead when altered, expired or deleted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedDownloadIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String PASSWORD = "correct-horse-1";

  @TempDir
  static Path media;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SignedLink links = SignedLink.fromSecret(GatewayInstance.LINK_SECRET);
  private GatewayStack stack;
  private Infrastructure infra;
  private GatewayInstance gateway;
  private byte[] video;
  private byte[] mp3;

  @BeforeAll
  void start() throws Exception {
    stack = GatewayStack.start("signed-link-it");
    infra = stack.infra();
    gateway = stack.gateway();
    stack.auth().createUser("carol", PASSWORD, false);
    video = Files.readAllBytes(TestMedia.mp4(media, "talk.mp4", 1));
    mp3 = Files.readAllBytes(TestMedia.mp3(media, "talk.mp3", 1));
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aValidLinkDownloadsWithoutLoginUntilTheConversionIsDeleted() throws Exception {
    String token = login();
    String name = upload(token, "Our \"best\" talk.mp4");
    String fid = OperatorStandIn.finish(infra, name, mp3);
    String link = link(new Grant(fid, ownerKey(name), Instant.now().plusSeconds(3600)));

    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(gateway.url(link)).header("Accept", BROWSER_ACCEPT)
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(mp3);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

    HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(gateway.url("/api/v1/conversions/" + name))
        .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(202);
    HttpResponse<String> gone = get(link, BROWSER_ACCEPT);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(gone.body()).contains("This file is no longer available").contains("deleted")
        .contains("href=\"" + gateway.url("/") + "\"");
  }

  @Test
  void anAlteredLinkShowsAPageToBrowsersAndJsonToClients() throws Exception {
    String name = upload(login(), "altered.mp4");
    String fid = OperatorStandIn.finish(infra, name, mp3);
    String owner = ownerKey(name);
    String link = link(new Grant(fid, owner, Instant.now().plusSeconds(3600)));
    String altered = link.replace("owner=" + owner, "owner=" + owner.substring(1) + "x");
    assertThat(altered).isNotEqualTo(link);

    HttpResponse<String> page = get(altered, BROWSER_ACCEPT);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("This download link is not valid").contains("Log in").doesNotContain("{\"error\"");

    HttpResponse<String> api = get(altered, "*/*");
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(api.body()).path("error").asText()).isEqualTo("forbidden");

    assertThat(get(link.substring(0, link.indexOf("&sig=")), BROWSER_ACCEPT).statusCode()).isEqualTo(403);
  }

  @Test
  void anExpiredLinkSaysSo() throws Exception {
    String name = upload(login(), "expired.mp4");
    String fid = OperatorStandIn.finish(infra, name, mp3);
    HttpResponse<String> page = get(link(new Grant(fid, ownerKey(name), Instant.now().minusSeconds(1))),
        BROWSER_ACCEPT);
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("This download link has expired");
  }

  @Test
  void aLinkSignedForAnotherOwnerFindsNothing() throws Exception {
    String fid = OperatorStandIn.finish(infra, upload(login(), "theirs.mp4"), mp3);
    HttpResponse<String> page = get(link(new Grant(fid, "mallory", Instant.now().plusSeconds(3600))), "*/*");
    assertThat(page.statusCode()).isEqualTo(404);
  }

  /** What the notifier signs for this conversion's owner: the account's uid. */
  private String ownerKey(String name) {
    return SignedLink.ownerKey(stack.conversion(name).request().owner());
  }

  private String link(Grant grant) {
    return SignedLink.PATH + "?" + links.query(grant);
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(gateway.url(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String login() throws Exception {
    String basic = Base64.getEncoder().encodeToString(("carol:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(gateway.url("/login")).header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body().trim();
  }

  private String upload(String token, String filename) throws Exception {
    Multipart body = new Multipart().file("file", filename, "video/mp4", video);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.url("/api/v1/conversions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
        .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).path("name").asText();
  }
}
