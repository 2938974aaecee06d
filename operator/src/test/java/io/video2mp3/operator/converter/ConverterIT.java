package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The converter end to end in this JVM: real ffmpeg on media generated here, GridFS on
 * mongo-java-server (or MONGODB_URI), each output read back and checked with ffprobe.
 */
class ConverterIT {

  static final double SECONDS = 6;
  /** Rounds of two concurrent conversions: 8 conversions, a few seconds. */
  static final int CONCURRENT_ROUNDS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path media;
  static ConverterMongo mongo;
  static MediaHttpServer http;

  @TempDir
  Path work;

  @BeforeAll
  static void generateMedia() throws Exception {
    mongo = new ConverterMongo();
    http = new MediaHttpServer();
    Media.generate(media, "moov-at-end.mp4", SECONDS, true, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
    Media.generate(media, "moov-at-end-mpeg4.mp4", SECONDS, true, "-c:v", "mpeg4", "-c:a", "aac");
    Media.generate(media, "faststart.mp4", SECONDS, true, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
        "-movflags", "+faststart");
    Media.generate(media, "opus.mkv", SECONDS, true, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus");
    Media.generate(media, "vorbis.webm", SECONDS, true, "-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libvorbis");
    Media.generate(media, "mp3.avi", SECONDS, true, "-c:v", "mpeg4", "-c:a", "libmp3lame", "-b:a", "128k");
    Media.generate(media, "silent.mp4", SECONDS, false, "-c:v", "libx264", "-preset", "ultrafast");
    Files.writeString(media.resolve("text.mp4"), "This is not a video, just some text.\n".repeat(200));
    Files.write(media.resolve("empty.mp4"), new byte[0]);
    truncate("moov-at-end.mp4", "truncated.mp4");
    truncate("faststart.mp4", "truncated-faststart.mp4");
  }

  private static void truncate(String from, String to) throws IOException {
    byte[] bytes = Files.readAllBytes(media.resolve(from)); // a few hundred KB of test media
    Files.write(media.resolve(to), java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "moov-at-end.mp4, false, 192k",
      "faststart.mp4,   false, 192k",
      "opus.mkv,        false, 192k",
      "vorbis.webm,     false, 192k",
      "mp3.avi,         true,  128k",
  })
  void convertsFromGridFs(String name, boolean copied, String bitrate) throws Exception {
    ObjectId id = mongo.upload(media.resolve(name), name);
    Run run = convert(Map.of("SOURCE_FILE_ID", id.toHexString(), "SOURCE_FILENAME", name));

    assertThat(run.exitCode).as(run.summary.toString()).isZero();
    assertSucceeded(run, copied, bitrate, name.substring(0, name.lastIndexOf('.')) + ".mp3");
  }

  @Test
  void convertsFromUrlWithRanges() throws Exception {
    http.serve("talk.mp4", media.resolve("moov-at-end.mp4"));
    Run run = convert(Map.of("SOURCE_URL", http.url("ranged", "talk.mp4")));

    assertThat(run.exitCode).as(run.summary.toString()).isZero();
    assertSucceeded(run, false, "192k", "talk.mp3");
    assertThat(http.rangeRequests.get()).as("seeks to the index at the end").isGreaterThan(2);
  }

  @Test
  void followsRedirects() throws Exception {
    http.serve("moved.mp4", media.resolve("faststart.mp4"));
    Run run = convert(Map.of("SOURCE_URL", http.url("moved", "moved.mp4"), "SOURCE_FILENAME", "Moved Talk.mp4"));

    assertThat(run.exitCode).as(run.summary.toString()).isZero();
    assertSucceeded(run, false, "192k", "Moved Talk.mp3");
  }

  @Test
  void copiesToScratchWhenTheServerIgnoresRanges() throws Exception {
    http.serve("plain.mp4", media.resolve("moov-at-end.mp4"));
    Run run = convert(Map.of("SOURCE_URL", http.url("plain", "plain.mp4")));

    assertThat(run.exitCode).as(run.summary.toString()).isZero();
    assertSucceeded(run, false, "192k", "plain.mp3");
    try (var left = Files.list(work.resolve("scratch"))) {
      assertThat(left).as("scratch copy deleted").isEmpty();
    }
  }

  @Test
  void missingUrlIsPermanent() throws Exception {
    Run run = convert(Map.of("SOURCE_URL", http.url("ranged", "nothing-here.mp4")));

    assertFailed(run, 2, "HTTP 404");
  }

  @Test
  void loopbackUrlIsRefusedByDefault() throws Exception {
    http.serve("inside.mp4", media.resolve("faststart.mp4"));
    int before = http.rangeRequests.get();
    Run run = convert(Map.of("SOURCE_URL", http.url("ranged", "inside.mp4"),
        "ALLOW_PRIVATE_SOURCE_ADDRESSES", "false"));

    assertFailed(run, 2, "private or internal address");
    assertThat(run.summary.get("message").asText()).doesNotContain("127.0.0.1", "ALLOW_PRIVATE");
    assertThat(http.rangeRequests.get()).as("no request sent").isEqualTo(before);
  }

  @Test
  void serverErrorIsRetried() throws Exception {
    Run run = convert(Map.of("SOURCE_URL", http.url("broken", "x.mp4")));

    assertFailed(run, 1, "HTTP 503");
  }

  @Test
  void videoWithoutAudioIsPermanent() throws Exception {
    assertFailed(convertFile("silent.mp4"), 2, "no audio stream");
  }

  @Test
  void textFileIsPermanent() throws Exception {
    assertFailed(convertFile("text.mp4"), 2, "not a convertible media file");
  }

  @Test
  void emptyFileIsPermanent() throws Exception {
    assertFailed(convertFile("empty.mp4"), 2, "source is empty");
  }

  /** Half an MP4 whose index was at the end has no index at all: ffmpeg cannot read a single packet. */
  @Test
  void truncatedMp4IsPermanent() throws Exception {
    assertFailed(convertFile("truncated.mp4"), 2, "the MP4/MOV index (moov atom) is missing");
  }

  /**
   * Half a faststart MP4 still decodes up to the cut, and ffmpeg exits 0; the duration check sees
   * 3 s of 6 s and refuses it (permanent: the same bytes give the same half).
   */
  @Test
  void truncatedFaststartMp4FailsTheDurationCheck() throws Exception {
    Run run = convertFile("truncated-faststart.mp4");

    assertFailed(run, 2, "truncated or damaged");
    assertThat(mongo.mp3s().find(Filters.eq("_id", run.uid)).first()).as("partial output removed").isNull();
  }

  @Test
  void missingGridFsFileIsPermanent() throws Exception {
    assertFailed(convert(Map.of("SOURCE_FILE_ID", new ObjectId().toHexString())), 2, "not found");
  }

  @Test
  void misconfigurationExitsOne() throws Exception {
    Map<String, String> env = new HashMap<>(baseEnv(UUID.randomUUID().toString()));
    env.put("SOURCE_FILE_ID", "not-an-object-id");
    Run run = run(env);

    assertFailed(run, 1, "the conversion Job is misconfigured");
    assertThat(run.summary.get("message").asText()).doesNotContain("SOURCE_FILE_ID");
  }

  @Test
  void retryReplacesTheEarlierOutput() throws Exception {
    ObjectId id = mongo.upload(media.resolve("faststart.mp4"), "again.mp4");
    String uid = UUID.randomUUID().toString();
    Map<String, String> env = new HashMap<>(baseEnv(uid));
    env.put("SOURCE_FILE_ID", id.toHexString());

    assertThat(run(env).exitCode).isZero();
    Run second = run(env);

    assertThat(second.exitCode).isZero();
    assertThat(mongo.mp3s().find(Filters.eq("_id", uid)).into(new java.util.ArrayList<>())).hasSize(1);
    assertSucceeded(second, false, "192k", "again.mp3");
  }

  /**
   * Two conversions at once, as when a node runs two Jobs: every seek of each ffprobe/ffmpeg is a
   * new connection to its loopback input, and none may fail (jaffree's single-connection FTP hop
   * failed about 1 in 8 such conversions on 2 busy cores).
   */
  @Test
  void concurrentMoovAtEndConversionsAllSucceed() throws Exception {
    Map<String, String> sources = Map.of(
        "first", mongo.upload(media.resolve("moov-at-end.mp4"), "first.mp4").toHexString(),
        "second", mongo.upload(media.resolve("moov-at-end-mpeg4.mp4"), "second.mp4").toHexString());
    ExecutorService pool = Executors.newFixedThreadPool(sources.size());
    try {
      for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
        List<String> names = List.copyOf(sources.keySet());
        List<Future<Run>> runs = pool.invokeAll(names.stream()
            .map(name -> (Callable<Run>) () -> convert(Map.of("SOURCE_FILE_ID", sources.get(name))))
            .toList());
        for (int i = 0; i < names.size(); i++) {
          Run run = runs.get(i).get(2, TimeUnit.MINUTES);
          assertThat(run.exitCode).as("round %d: %s", round, run.summary).isZero();
          assertSucceeded(run, false, "192k", names.get(i) + ".mp3");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A broken hop (here: closed, so every connection is refused) is the converter's problem: retry, exit 1. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"ffprobe", "ffmpeg"})
  void brokenInputHopIsTransientAndDoesNotNameTheInternalUrl(String tool) throws Exception {
    ObjectId id = mongo.upload(media.resolve("faststart.mp4"), "hop.mp4");
    VideoSource source = VideoSource.streamed(GridFsSource.find(mongo.videos(), id), "hop.mp4");
    String url = source.input().url();
    source.close();

    ConversionException e = catchThrowableOfType(() -> {
      if (tool.equals("ffprobe")) {
        new MediaProbe(Path.of(Media.FFPROBE)).probe(source);
      } else {
        new Mp3Transcoder(Path.of(Media.FFMPEG)).transcode(source, false, "192k", OutputStream.nullOutputStream(),
            millis -> { }, Optional::empty);
      }
    }, ConversionException.class);

    assertThat(e).isNotNull();
    assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(1);
    assertThat(e.getMessage()).isEqualTo(FfmpegFailures.RETRIED)
        .doesNotContain(url, "127.0.0.1", "Connection refused", "not a convertible");
  }

  /**
   * Responses cut short (the source drops every stream after 32 KB) are resumed by ffmpeg's
   * {@code -reconnect} at the offset they reached; the conversion succeeds with the whole duration.
   */
  @Test
  void responsesCutShortAreResumedAtTheirOffset() throws Exception {
    byte[] video = Files.readAllBytes(media.resolve("moov-at-end.mp4"));
    int cut = 32 * 1024;
    assertThat(video.length).as("needs several cuts").isGreaterThan(3 * cut);
    BytesSource flaky = BytesSource.of(video).failingAfter(cut);
    Path out = work.resolve("resumed.mp3");
    Mp3Transcoder.Result result;
    try (VideoSource source = VideoSource.streamed(flaky, "resumed.mp4");
        OutputStream mp3 = Files.newOutputStream(out)) {
      result = new Mp3Transcoder(Path.of(Media.FFMPEG)).transcode(source, false, "192k", mp3, millis -> { },
          Optional::empty);
      assertThat(source.readFailure()).as("streams were cut").isPresent();
    }

    assertThat(result.outputSeconds()).isCloseTo(SECONDS, within(1.0));
    assertThat(Media.duration(out)).isCloseTo(SECONDS, within(1.0));
    assertThat(flaky.opens).as("one request per cut at least").hasValueGreaterThan(video.length / cut);
  }

  // --- helpers

  record Run(String uid, int exitCode, JsonNode summary) {
  }

  private Run convertFile(String name) throws Exception {
    ObjectId id = mongo.upload(media.resolve(name), name);
    return convert(Map.of("SOURCE_FILE_ID", id.toHexString()));
  }

  /** URL sources are served on 127.0.0.1 here, which the converter refuses unless told otherwise. */
  private Run convert(Map<String, String> source) throws Exception {
    Map<String, String> env = new HashMap<>(baseEnv(UUID.randomUUID().toString()));
    env.put("ALLOW_PRIVATE_SOURCE_ADDRESSES", "true");
    env.putAll(source);
    return run(env);
  }

  private Map<String, String> baseEnv(String uid) {
    return Map.of(
        "MONGODB_URI", mongo.uri,
        "CONVERSION_NAMESPACE", "video2mp3",
        "CONVERSION_NAME", "vc-" + uid.substring(0, 8),
        "CONVERSION_UID", uid,
        "OUTPUT_FORMAT", "mp3",
        "OUTPUT_BITRATE", "192k",
        "TERMINATION_LOG", work.resolve("termination-log-" + uid).toString(),
        "SCRATCH_DIR", work.resolve("scratch").toString(),
        "FFMPEG_BIN", Media.FFMPEG);
  }

  private Run run(Map<String, String> env) throws IOException {
    int exit = ConvertCommand.run(env);
    String line = Files.readString(Path.of(env.get("TERMINATION_LOG")));
    assertThat(line.strip()).doesNotContain("\n");
    return new Run(env.get("CONVERSION_UID"), exit, JSON.readTree(line));
  }

  private void assertSucceeded(Run run, boolean copied, String bitrate, String filename) throws Exception {
    JsonNode s = run.summary;
    assertThat(s.get("status").asText()).isEqualTo("Succeeded");
    assertThat(s.get("fileId").asText()).isEqualTo(run.uid);
    assertThat(s.get("copied").asBoolean()).isEqualTo(copied);
    assertThat(s.get("bitrate").asText()).isEqualTo(bitrate);
    assertThat(s.get("durationSeconds").asDouble()).isCloseTo(SECONDS, within(1.0));

    Path mp3 = work.resolve("out.mp3");
    mongo.downloadMp3(run.uid, mp3);
    assertThat(Files.size(mp3)).isEqualTo(s.get("sizeBytes").asLong()).isPositive();
    assertThat(Media.probe(mp3, "format=format_name")).isEqualTo("mp3");
    assertThat(Media.probe(mp3, "stream=codec_name")).isEqualTo("mp3");
    assertThat(Media.duration(mp3)).isCloseTo(SECONDS, within(1.0));

    var file = mongo.mp3s().find(Filters.eq("_id", new BsonString(run.uid))).first();
    assertThat(file).isNotNull();
    assertThat(file.getFilename()).isEqualTo(filename);
    Document meta = file.getMetadata();
    assertThat(meta.getString(StorageLayout.META_NAMESPACE)).isEqualTo("video2mp3");
    assertThat(meta.getString(StorageLayout.META_CONVERSION)).startsWith("vc-");
    assertThat(meta.getString(StorageLayout.META_CONTENT_TYPE)).isEqualTo("audio/mpeg");
    assertThat(meta.getString(StorageLayout.META_BITRATE)).isEqualTo(bitrate);
    assertThat(meta.getDouble(StorageLayout.META_DURATION_SECONDS)).isCloseTo(SECONDS, within(1.0));

    Document progress = mongo.database.getCollection(StorageLayout.PROGRESS_COLLECTION)
        .find(Filters.eq("_id", run.uid)).first();
    assertThat(progress).isNotNull();
    assertThat(progress.getInteger(StorageLayout.PROGRESS_PERCENT)).isEqualTo(100);
    assertThat(progress.getDate(StorageLayout.PROGRESS_UPDATED_AT)).isNotNull();
  }

  private static void assertFailed(Run run, int exitCode, String reason) {
    assertThat(run.exitCode).as(run.summary.toString()).isEqualTo(exitCode);
    assertThat(run.summary.get("status").asText()).isEqualTo("Failed");
    assertThat(run.summary.get("message").asText()).contains(reason).doesNotContain("\n");
  }
}
