package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.video2mp3.api.storage.StorageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real converter when its conversion is deleted (the finalizer's mark on the progress record):
 * while it writes, or before it starts. Whenever the mark lands, nothing of the MP3 is left.
 */
class ConverterCancellationIT {

  @TempDir
  static Path media;
  static ConverterMongo mongo;
  static ObjectId video;

  @TempDir
  Path work;

  @BeforeAll
  static void generate() throws Exception {
    mongo = new ConverterMongo();
    Media.generate(media, "long.mp4", 120, true, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
    video = mongo.upload(media.resolve("long.mp4"), "long.mp4");
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @Test
  void markedWhileWritingItStopsAndLeavesNoChunks() throws Exception {
    String uid = UUID.randomUUID().toString();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> ConvertCommand.run(env(uid)));
    await().atMost(Duration.ofSeconds(60)).until(() -> chunks(uid) > 0 || exit.isDone());
    markCancelled(uid);

    assertThat(exit.get()).isEqualTo(1);
    assertThat(Files.readString(work.resolve("termination-log"))).contains("deleted");
    assertThat(chunks(uid)).isZero();
    assertThat(mongo.mp3s().find(Filters.eq("_id", new BsonString(uid))).first()).isNull();
  }

  @Test
  void markedBeforeItStartsItWritesNothing() throws Exception {
    String uid = UUID.randomUUID().toString();
    markCancelled(uid);

    assertThat(ConvertCommand.run(env(uid))).isEqualTo(1);
    assertThat(Files.readString(work.resolve("termination-log"))).contains("deleted before it started");
    assertThat(chunks(uid)).isZero();
  }

  private static void markCancelled(String uid) {
    mongo.database.getCollection(StorageLayout.PROGRESS_COLLECTION).updateOne(Filters.eq("_id", uid),
        Updates.set(StorageLayout.PROGRESS_CANCELLED_AT, new Date()), new UpdateOptions().upsert(true));
  }

  private static long chunks(String uid) {
    return mongo.database.getCollection(StorageLayout.MP3S_BUCKET + ".chunks").countDocuments(new Document("files_id", uid));
  }

  private Map<String, String> env(String uid) {
    return Map.of(
        "MONGODB_URI", mongo.uri,
        "CONVERSION_NAMESPACE", "video2mp3",
        "CONVERSION_NAME", "vc-cancel",
        "CONVERSION_UID", uid,
        "SOURCE_FILE_ID", video.toHexString(),
        "OUTPUT_FORMAT", "mp3",
        "OUTPUT_BITRATE", "192k",
        "TERMINATION_LOG", work.resolve("termination-log").toString(),
        "SCRATCH_DIR", work.resolve("scratch").toString(),
        "FFMPEG_BIN", Media.FFMPEG);
  }
}
