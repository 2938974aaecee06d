package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11's server-side request forgery: files that make ffmpeg open other resources, here all
 * pointing at a listening socket on 127.0.0.1, converted by the real converter with real ffmpeg.
 * Each must fail as not convertible (exit 2: no retries) with a media reason, and the socket must
 * accept no connection. {@link #withoutTheWhitelistsFfprobeReachesTheSocket} shows the same file
 * does reach it when ffprobe is not confined, so the listener would see a request.
 */
class ConverterReferencesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path media;
  static ConverterMongo mongo;
  static MediaHttpServer http;
  /** An ID3v2 tag as ffmpeg writes it at the start of an MP3: the sniffer bypass of the issue. */
  static byte[] id3Tag;

  @TempDir
  Path work;
  private ServerSocket internal;
  private final AtomicInteger accepted = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    mongo = new ConverterMongo();
    http = new MediaHttpServer();
    Path mp3 = media.resolve("tag.mp3");
    Media.run(List.of(Media.FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
        "sine=duration=1", "-metadata", "title=Talk", mp3.toString()));
    byte[] bytes = Files.readAllBytes(mp3);
    int size = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
    id3Tag = Arrays.copyOf(bytes, 10 + size);
  }

  @AfterAll
  static void stop() {
    http.close();
    mongo.close();
  }

  @BeforeEach
  void listen() throws IOException {
    internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!internal.isClosed()) {
        try (Socket ignored = internal.accept()) {
          accepted.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "internal-service");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    internal.close();
  }

  private String content(String kind) {
    String target = "http://127.0.0.1:" + internal.getLocalPort();
    return switch (kind) {
      case "hls" -> "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
          + target + "/admin/segment.ts?probe=1\n#EXT-X-ENDLIST\n";
      case "variant" -> "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\n" + target + "/variant.m3u8\n";
      case "ffconcat" -> "ffconcat version 1.0\nfile '" + target + "/a.mp4'\n";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private Path file(String kind, boolean tagged) throws IOException {
    byte[] text = content(kind).getBytes(StandardCharsets.UTF_8);
    byte[] prefix = tagged ? id3Tag : new byte[0];
    byte[] all = Arrays.copyOf(prefix, prefix.length + text.length);
    System.arraycopy(text, 0, all, prefix.length, text.length);
    Path file = work.resolve(kind + (tagged ? "-tagged" : "") + ".mp3");
    Files.write(file, all);
    return file;
  }

  @ParameterizedTest(name = "{0} tagged={1}")
  @CsvSource({
      "hls,      true,  playlist formats are not accepted",
      "variant,  true,  playlist formats are not accepted",
      "ffconcat, true,  concat lists are not accepted",
      "hls,      false, playlist formats are not accepted",
      "ffconcat, false, concat lists are not accepted",
  })
  void uploadedReferencesAreNotFollowed(String kind, boolean tagged, String reason) throws Exception {
    Path file = file(kind, tagged);
    Run run = convert(Map.of("SOURCE_FILE_ID", mongo.upload(file, file.getFileName().toString()).toHexString()));

    assertNotConvertibleAndUnreached(run, reason);
  }

  /** A URL source is fetched by the converter's client; ffmpeg reads the loopback input or the scratch copy only. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"ranged", "plain"})
  void urlSourcesWithReferencesAreNotFollowed(String mode) throws Exception {
    Path file = file("hls", true);
    http.serve("talk-" + mode + ".mp4", file);
    Run run = convert(Map.of("SOURCE_URL", http.url(mode, "talk-" + mode + ".mp4"),
        "ALLOW_PRIVATE_SOURCE_ADDRESSES", "true"));

    assertNotConvertibleAndUnreached(run, "playlist formats are not accepted");
  }

  /** A URL source pointing straight at the internal service is refused before any request. */
  @Test
  void urlSourceAtAnInternalAddressIsRefused() throws Exception {
    Run run = convert(Map.of("SOURCE_URL", "http://127.0.0.1:" + internal.getLocalPort() + "/video.mp4"));

    assertThat(run.exitCode).isEqualTo(ExitCodes.NOT_CONVERTIBLE);
    assertThat(run.message()).isEqualTo(SourceAddressGuard.REFUSED);
    assertThat(connectionsBeforeASentinel()).isZero();
  }

  /** Read over HTTP, as the converter reads its loopback input (from a file, ffmpeg's HLS opens no http segments). */
  @Test
  void withoutTheWhitelistsFfprobeReachesTheSocket() throws Exception {
    http.serve("unconfined.mp3", file("hls", true));
    Process ffprobe = new ProcessBuilder(Media.FFPROBE, "-hide_banner", "-rw_timeout", "2000000",
        http.url("ranged", "unconfined.mp3"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() > 0);
    } finally {
      ffprobe.destroyForcibly();
    }
  }

  private void assertNotConvertibleAndUnreached(Run run, String reason) throws IOException {
    assertThat(run.exitCode).as(run.summary.toString()).isEqualTo(ExitCodes.NOT_CONVERTIBLE);
    assertThat(run.message()).isEqualTo("not a convertible media file: " + reason)
        .doesNotContain(String.valueOf(internal.getLocalPort()), "127.0.0.1", "Connection", "mov,mp4");
    assertThat(connectionsBeforeASentinel()).as("connections to the internal service").isZero();
  }

  /**
   * Connections accepted before one of our own: the backlog is first in, first out, so once the
   * sentinel is accepted every connection ffmpeg might have made has been counted.
   */
  private int connectionsBeforeASentinel() throws IOException {
    int before = accepted.get();
    try (Socket sentinel = new Socket(InetAddress.getLoopbackAddress(), internal.getLocalPort())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> accepted.get() > before);
    }
    return accepted.get() - 1;
  }

  private record Run(int exitCode, JsonNode summary) {
    String message() {
      return summary.get("message").asText();
    }
  }

  private Run convert(Map<String, String> source) throws IOException {
    String uid = UUID.randomUUID().toString();
    Map<String, String> env = new HashMap<>(Map.of(
        "MONGODB_URI", mongo.uri,
        "CONVERSION_NAMESPACE", "video2mp3",
        "CONVERSION_NAME", "vc-" + uid.substring(0, 8),
        "CONVERSION_UID", uid,
        "TERMINATION_LOG", work.resolve("termination-log").toString(),
        "SCRATCH_DIR", work.resolve("scratch").toString(),
        "FFMPEG_BIN", Media.FFMPEG));
    env.putAll(source);
    int exit = ConvertCommand.run(env);
    return new Run(exit, JSON.readTree(Files.readString(work.resolve("termination-log"))));
  }
}
