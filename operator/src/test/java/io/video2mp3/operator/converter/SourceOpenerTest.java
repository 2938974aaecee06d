package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client (whose selector thread delays the JVM's exit) exists only for URL sources. */
class SourceOpenerTest {

  @TempDir
  Path work;

  private ConverterMongo mongo;
  private MediaHttpServer http;
  private final AtomicInteger clientsCreated = new AtomicInteger();
  private final Supplier<HttpClient> countingClient = () -> {
    clientsCreated.incrementAndGet();
    return HttpSource.newClient(HttpSource.Timeouts.DEFAULT);
  };

  @BeforeEach
  void start() throws Exception {
    mongo = new ConverterMongo();
    http = new MediaHttpServer();
  }

  @AfterEach
  void stop() {
    http.close();
    mongo.close();
  }

  @Test
  void gridFsSourceNeverCreatesAnHttpClient() throws Exception {
    Path video = Files.write(work.resolve("video.mp4"), new byte[4096]);
    ObjectId id = mongo.upload(video, "video.mp4");

    try (VideoSource source = opener().open(settings(Map.of("SOURCE_FILE_ID", id.toHexString())))) {
      assertThat(source.size()).isEqualTo(4096);
    }
    assertThat(clientsCreated).hasValue(0);
  }

  @Test
  void urlSourceCreatesOne() throws Exception {
    http.serve("talk.mp4", Files.write(work.resolve("talk.mp4"), new byte[4096]));

    try (VideoSource source = opener().open(settings(Map.of("SOURCE_URL", http.url("ranged", "talk.mp4"))))) {
      assertThat(source.size()).isEqualTo(4096);
    }
    assertThat(clientsCreated).hasValue(1);
  }

  private SourceOpener opener() {
    return new SourceOpener(mongo.database, countingClient, HttpSource.Timeouts.DEFAULT, work.resolve("scratch"),
        new SourceAddressGuard(true)); // the test server is on loopback
  }

  private ConvertSettings settings(Map<String, String> source) {
    Map<String, String> env = new HashMap<>(Map.of("MONGODB_URI", mongo.uri, "CONVERSION_NAMESPACE", "ns",
        "CONVERSION_NAME", "c", "CONVERSION_UID", "u", "TERMINATION_LOG", work.resolve("log").toString()));
    env.putAll(source);
    return ConvertSettings.fromEnv(env);
  }
}
