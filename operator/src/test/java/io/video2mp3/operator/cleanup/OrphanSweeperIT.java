package io.video2mp3.operator.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.model.Filters;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.JavaProcess;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.converter.Mp3WriterProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers killed at each point (SIGKILL, or a stream abandoned), then a sweep: exactly the orphans go,
 * and writers still at work within the grace period, or owned by live conversions, stay.
 */
class OrphanSweeperIT {

  private static final Duration GRACE = Duration.ofSeconds(2);

  private OperatorHarness harness;
  private Process liveConverter;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, false)
        .env("ORPHAN_GRACE", GRACE.toSeconds() + "s")
        .env("ORPHAN_SWEEP_INTERVAL", "1h");
    harness.startOperator();
  }

  @AfterEach
  void stop() throws Exception {
    if (liveConverter != null) {
      JavaProcess.kill(liveConverter);
    }
    harness.close();
  }

  @Test
  void aSweepRemovesExactlyWhatKilledWritersLeft() throws Exception {
    String live = convertingConversion("vc-live");

    String gone = UUID.randomUUID().toString(); // a conversion deleted while its converter ran on
    Process killed = mp3Writer(gone, "killed");
    awaitChunks(StorageLayout.MP3S_BUCKET, new BsonString(gone), 3);
    JavaProcess.kill(killed);
    long killedChunks = chunks(StorageLayout.MP3S_BUCKET, new BsonString(gone));

    BsonObjectId abandoned = new BsonObjectId(new ObjectId());
    GridFSUploadStream stream = GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET)
        .openUploadStream(abandoned, "abandoned.mp4");
    stream.write(new byte[5 * 255 * 1024 + 7]); // five full chunks written, the sixth buffered, then never closed
    BsonObjectId inProgress = new BsonObjectId(new ObjectId());
    GridFSUploadStream inProgressUpload = GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET)
        .openUploadStream(inProgress, "slow.mp4");
    inProgressUpload.write(new byte[255 * 1024]); // its first chunk: older than the grace by the sweep

    progress(gone, StorageLayout.PROGRESS_CANCELLED_AT, Instant.now().minus(Duration.ofHours(1)));
    progress(live, StorageLayout.PROGRESS_UPDATED_AT, Instant.now().minus(Duration.ofHours(1)));
    Instant lastOrphanWrite = Instant.now();
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(lastOrphanWrite.plus(GRACE).plusSeconds(1)));
    inProgressUpload.write(new byte[255 * 1024]); // the slow upload goes on: its newest chunk is fresh

    OrphanSweeper.Report report = harness.app().orphanSweeper().sweep();

    assertThat(report.videos().removed()).isEqualTo(1);
    assertThat(report.videos().chunks()).isEqualTo(5);
    assertThat(report.mp3s().removed()).isEqualTo(1);
    assertThat(report.mp3s().chunks()).isEqualTo(killedChunks);
    assertThat(report.progressRemoved()).isEqualTo(1);
    assertThat(chunks(StorageLayout.VIDEOS_BUCKET, abandoned)).isZero();
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(gone))).isZero();
    assertThat(chunks(StorageLayout.VIDEOS_BUCKET, inProgress)).isPositive();
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(live))).isPositive();
    assertThat(liveConverter.isAlive()).isTrue();
    assertThat(harness.mongo.getCollection(StorageLayout.PROGRESS_COLLECTION).countDocuments(Filters.eq("_id", live)))
        .isOne();
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + harness.app().healthPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics)
        .contains("video2mp3_orphans_chunks_removed_total{bucket=\"mp3s\"} " + killedChunks + ".0")
        .contains("video2mp3_orphans_chunks_removed_total{bucket=\"videos\"} 5.0")
        .contains("video2mp3_orphans_files_removed_total{bucket=\"videos\"} 1.0")
        .contains("video2mp3_orphans_progress_removed_total 1.0");
  }

  @Test
  void aConversionDeletedWhileItsConverterWritesLeavesNoChunks() throws Exception {
    String uid = convertingConversion("vc-deleted");

    harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).withName("vc-deleted").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get("vc-deleted") == null);
    assertThat(liveConverter.waitFor(20, TimeUnit.SECONDS)).as("the converter stops by itself").isTrue();
    assertThat(liveConverter.exitValue()).isEqualTo(Mp3WriterProcess.CANCELLED_EXIT);
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(uid))).isZero();
    assertThat(harness.mongo.getCollection(StorageLayout.MP3S_BUCKET + ".files").countDocuments()).isZero();
    // what is left is the cancellation mark, swept once the grace period is over
    Instant deleted = Instant.now();
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deleted.plus(GRACE).plusSeconds(1)));
    OrphanSweeper.Report report = harness.app().orphanSweeper().sweep();
    assertThat(report.mp3s().removed()).isZero();
    assertThat(report.progressRemoved()).isEqualTo(1);
  }

  @Test
  void watchingOneNamespaceItSweepsOnlyThatNamespacesMp3s() throws Exception {
    harness.close();
    harness = new OperatorHarness(4, false).env("WATCH_NAMESPACES", OperatorHarness.NS)
        .env("ORPHAN_GRACE", GRACE.toSeconds() + "s").env("ORPHAN_SWEEP_INTERVAL", "1h");
    harness.startOperator();
    Date longAgo = Date.from(Instant.now().minus(Duration.ofHours(1)));
    String ours = UUID.randomUUID().toString();
    String theirs = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    for (String uid : new String[] {ours, theirs, unknown}) {
      for (int n = 0; n < 4; n++) {
        harness.mongo.getCollection(StorageLayout.MP3S_BUCKET + ".chunks").insertOne(new Document("_id", new ObjectId(longAgo))
            .append("files_id", uid).append("n", n).append("data", new org.bson.types.Binary(new byte[16])));
      }
    }
    progress(ours, StorageLayout.PROGRESS_CANCELLED_AT, longAgo.toInstant(), OperatorHarness.NS);
    progress(theirs, StorageLayout.PROGRESS_CANCELLED_AT, longAgo.toInstant(), "elsewhere");

    OrphanSweeper.Report report = harness.app().orphanSweeper().sweep();

    assertThat(report.mp3s().removed()).isEqualTo(1);
    assertThat(report.mp3s().chunks()).isEqualTo(4);
    assertThat(report.progressRemoved()).isEqualTo(1);
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(ours))).isZero();
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(theirs))).isEqualTo(4);
    assertThat(chunks(StorageLayout.MP3S_BUCKET, new BsonString(unknown))).isEqualTo(4);
  }

  /** A Running conversion whose converter (its own process, {@link #liveConverter}) has written some chunks. */
  private String convertingConversion(String name) throws Exception {
    harness.create(name, Source.url("https://example.com/" + name + ".mp4", null));
    harness.awaitJob(name);
    String uid = harness.awaitPhase(name, Phase.Running).getMetadata().getUid();
    liveConverter = mp3Writer(uid, name);
    awaitChunks(StorageLayout.MP3S_BUCKET, new BsonString(uid), 3);
    return uid;
  }

  private Process mp3Writer(String uid, String log) throws Exception {
    return JavaProcess.start(Mp3WriterProcess.class, Map.of("MONGODB_URI", harness.mongoUri),
        "orphan-sweeper-it-" + log + ".log", uid);
  }

  private void progress(String uid, String field, Instant at) {
    progress(uid, field, at, OperatorHarness.NS);
  }

  private void progress(String uid, String field, Instant at, String namespace) {
    harness.mongo.getCollection(StorageLayout.PROGRESS_COLLECTION).insertOne(new Document("_id", uid)
        .append(StorageLayout.PROGRESS_NAMESPACE, namespace).append(StorageLayout.PROGRESS_PERCENT, 10)
        .append(field, Date.from(at)));
  }

  private void awaitChunks(String bucket, BsonValue id, long atLeast) {
    await().atMost(Duration.ofSeconds(20)).until(() -> chunks(bucket, id) >= atLeast);
  }

  private long chunks(String bucket, BsonValue id) {
    return harness.mongo.getCollection(bucket + ".chunks").countDocuments(new Document("files_id", id));
  }
}
