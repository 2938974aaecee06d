package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.RabbitTap;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real operator against the mock API server; the test plays Job controller and kubelet. */
class ConversionLifecycleIT {

  private static OperatorHarness harness;
  private static RabbitTap tap;

  @BeforeAll
  static void start() throws Exception {
    harness = new OperatorHarness(10, false);
    tap = new RabbitTap(harness.rabbitUri);
    harness.startOperator();
  }

  @AfterAll
  static void stop() throws Exception {
    if (tap != null) {
      tap.close();
    }
    if (harness != null) {
      harness.close();
    }
  }

  private static ObjectId storeVideo() {
    return GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET)
        .uploadFromStream("talk.mp4", new ByteArrayInputStream(new byte[] {1, 2, 3}));
  }

  @Test
  void happyPathToSucceededWithOutputEventsAndOneNotification() throws Exception {
    ObjectId video = storeVideo();
    String name = VideoConversion.nameForFileId(video.toHexString());
    harness.create(name, Source.upload(video.toHexString(), "talk.mp4"));

    Job job = harness.awaitJob(name);
    VideoConversion running = harness.awaitPhase(name, Phase.Running);
    String uid = running.getMetadata().getUid();
    assertThat(running.getStatus().getJobName()).isEqualTo(job.getMetadata().getName());
    assertThat(running.getStatus().getStartedAt()).isNotNull();
    assertThat(running.getStatus().getObservedGeneration()).isNotNull();
    assertThat(job.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(uid);
    // No ConversionPlatform in this namespace: the environment's image and TTL.
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("video2mp3/operator:test");
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("CONVERSION_UID=" + uid));

    harness.jobActive(name, 1, 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(1).equals(harness.get(name).getStatus().getAttempts()));
    harness.mongo.getCollection(StorageLayout.PROGRESS_COLLECTION)
        .insertOne(new Document("_id", uid).append("percent", 42).append("updatedAt", new Date()));
    await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(42).equals(harness.get(name).getStatus().getProgress()));

    harness.jobSucceeded(name, "{\"status\":\"Succeeded\",\"fileId\":\"" + uid
        + "\",\"sizeBytes\":80000,\"durationSeconds\":5.0,\"bitrate\":\"192k\",\"copied\":false,\"message\":\"\"}");
    VideoConversion done = harness.awaitPhase(name, Phase.Succeeded);
    assertThat(done.getStatus().getOutput()).isEqualTo(new ConversionOutput(uid, 80000L, 5.0, "192k"));
    assertThat(done.getStatus().getCompletedAt()).isNotNull();
    assertThat(done.getStatus().getProgress()).isEqualTo(100);
    assertThat(done.getStatus().getConditions())
        .anySatisfy(c -> {
          assertThat(c.getType()).isEqualTo("Ready");
          assertThat(c.getStatus()).isEqualTo("True");
        });
    await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(harness.get(name).getStatus().getNotified()));
    await().atMost(Duration.ofSeconds(10)).until(() -> !tap.finished(uid).isEmpty());
    ConversionFinished event = tap.finished(uid).get(0);
    assertThat(event.phase()).isEqualTo(Phase.Succeeded);
    assertThat(event.name()).isEqualTo(name);
    assertThat(event.filename()).isEqualTo("talk.mp4");
    assertThat(event.owner().email()).isEqualTo("alice@example.com");
    assertThat(event.output().fileId()).isEqualTo(uid);
    // Published once: later reconciles (the Job's TTL deletion, resyncs) send nothing more.
    harness.client.batch().v1().jobs().inNamespace(OperatorHarness.NS).withName(OperatorHarness.jobName(name)).delete();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> tap.finished(uid).size() == 1);
    VideoConversion afterTtl = harness.get(name);
    assertThat(afterTtl.getStatus().getPhase()).as("status survives the Job's TTL deletion").isEqualTo(Phase.Succeeded);
    assertThat(afterTtl.getStatus().getOutput()).isEqualTo(done.getStatus().getOutput());
    assertThat(harness.eventReasons(name)).contains("JobCreated", "Succeeded");
  }

  @Test
  void exitCode2FailsWithTheConvertersReasonAndNoRetry() throws Exception {
    String name = "vc-not-media";
    harness.create(name, Source.url("https://example.com/not-a-video.mp4", "notes.mp4"));
    harness.awaitJob(name);
    harness.jobActive(name, 1, 0);
    harness.podTerminated(name, 1, 2, "{\"status\":\"Failed\",\"message\":\"not a media file: invalid data found\"}");
    harness.jobFinished(name, 0, 1, "Failed", "PodFailurePolicy");

    VideoConversion failed = harness.awaitPhase(name, Phase.Failed);
    String uid = failed.getMetadata().getUid();
    assertThat(failed.getStatus().getMessage()).isEqualTo("not a media file: invalid data found");
    assertThat(failed.getStatus().getAttempts()).isEqualTo(1);
    assertThat(failed.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Completed");
      assertThat(c.getReason()).isEqualTo("NotConvertible");
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(harness.get(name).getStatus().getNotified()));
    await().atMost(Duration.ofSeconds(10)).until(() -> tap.finished(uid).size() == 1);
    assertThat(tap.finished(uid).get(0).phase()).isEqualTo(Phase.Failed);
    assertThat(tap.finished(uid).get(0).message()).isEqualTo("not a media file: invalid data found");
    assertThat(harness.jobs()).filteredOn(j -> j.getMetadata().getName().startsWith(name)).hasSize(1);
    assertThat(harness.eventReasons(name)).contains("JobCreated", "Failed");
  }

  @Test
  void deadlineExceeded() {
    String name = "vc-too-slow";
    harness.create(name, Source.url("https://example.com/huge.mkv", "huge.mkv"));
    harness.awaitJob(name);
    harness.jobActive(name, 1, 0);
    harness.jobFinished(name, 0, 1, "Failed", "DeadlineExceeded");
    VideoConversion failed = harness.awaitPhase(name, Phase.Failed);
    assertThat(failed.getStatus().getMessage()).startsWith("DeadlineExceeded");
    assertThat(failed.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("DeadlineExceeded"));
  }

  @Test
  void aJobDeletedWhileRunningFailsTheConversionAndIsNotRecreated() {
    String name = "vc-job-lost";
    harness.create(name, Source.url("https://example.com/a.mp4", null));
    harness.awaitJob(name);
    harness.awaitPhase(name, Phase.Running);
    harness.client.batch().v1().jobs().inNamespace(OperatorHarness.NS).withName(OperatorHarness.jobName(name)).delete();
    VideoConversion failed = harness.awaitPhase(name, Phase.Failed);
    assertThat(failed.getStatus().getMessage()).contains("disappeared");
    assertThat(harness.job(name)).isNull();
  }

  @Test
  void deletionRemovesTheJobAndTheFiles() {
    ObjectId video = storeVideo();
    String name = VideoConversion.nameForFileId(video.toHexString());
    harness.create(name, Source.upload(video.toHexString(), "talk.mp4"));
    harness.awaitJob(name);
    VideoConversion running = harness.awaitPhase(name, Phase.Running);
    String uid = running.getMetadata().getUid();
    assertThat(running.getMetadata().getFinalizers()).isNotEmpty();
    var mp3s = GridFSBuckets.create(harness.mongo, StorageLayout.MP3S_BUCKET);
    mp3s.uploadFromStream(new BsonString(uid), "talk.mp3", new ByteArrayInputStream(new byte[] {4, 5}));
    harness.mongo.getCollection(StorageLayout.PROGRESS_COLLECTION).insertOne(new Document("_id", uid).append("percent", 10));

    harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).withName(name).delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(name) == null);
    assertThat(harness.job(name)).isNull();
    assertThat(GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET).find(Filters.eq("_id", video)).first()).isNull();
    assertThat(mp3s.find(Filters.eq("_id", new BsonString(uid))).first()).isNull();
    // the progress record stays as the cancellation mark a converter still running stops at; the sweeper removes it
    assertThat(harness.mongo.getCollection(StorageLayout.PROGRESS_COLLECTION).find(Filters.eq("_id", uid)).first())
        .containsKey(StorageLayout.PROGRESS_CANCELLED_AT);
  }

  @Test
  void deletingAConversionWhoseFilesAreGoneIsFine() {
    String name = "vc-no-files";
    harness.create(name, Source.upload(new ObjectId().toHexString(), null));
    harness.awaitPhase(name, Phase.Running);
    harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).withName(name).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(name) == null);
  }

  @Test
  void healthAndMetrics() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + harness.app().healthPort();
    var live = http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(live.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    var metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("video2mp3_conversions_running").contains("operator_sdk_");
  }
}
