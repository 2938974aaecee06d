package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.video2mp3.operator.reconcile.ResourceEvents;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.platform.ConversionsSpec;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.TcpProxy;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention with the real operator: finished conversions are recorded (status written by the test,
 * completedAt in the past) before the operator starts, so each test decides how old they are
 * instead of waiting; the operator deletes the expired ones, and its finalizer their Job and files.
 */
class RetentionIT {

  private static final Duration PROMPTLY = Duration.ofSeconds(15);
  private static final Duration STAYS = Duration.ofSeconds(2);

  private OperatorHarness harness;
  private TcpProxy broker;

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** An uploaded conversion that finished {@code age} ago, with its video and MP3 in GridFS. */
  private Stored finished(String namespace, Phase phase, Duration age, Boolean notified) {
    ObjectId video = videos().uploadFromStream("talk.mp4", new ByteArrayInputStream(new byte[] {1, 2, 3}));
    String name = VideoConversion.nameForFileId(video.toHexString());
    VideoConversion created = harness.create(namespace, name, Source.upload(video.toHexString(), "talk.mp4"));
    String uid = created.getMetadata().getUid();
    mp3s().uploadFromStream(new BsonString(uid), "talk.mp3", new ByteArrayInputStream(new byte[] {4, 5}));
    harness.client.resources(VideoConversion.class).inNamespace(namespace).withName(name).editStatus(vc -> {
      VideoConversionStatus status = new VideoConversionStatus();
      status.setPhase(phase);
      status.setJobName(ConversionJobBuilder.jobName(name));
      status.setStartedAt(StatusLogic.rfc3339(Instant.now().minus(age).minusSeconds(60)));
      status.setCompletedAt(StatusLogic.rfc3339(Instant.now().minus(age)));
      status.setNotified(notified);
      if (phase == Phase.Succeeded) {
        status.setOutput(new ConversionOutput(uid, 2L, 1.0, "192k"));
      } else {
        status.setMessage("DeadlineExceeded (set by the test)");
      }
      vc.setStatus(status);
      return vc;
    });
    return new Stored(namespace, name, uid, video);
  }

  private record Stored(String namespace, String name, String uid, ObjectId video) {
  }

  private GridFSBucket videos() {
    return GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET);
  }

  private GridFSBucket mp3s() {
    return GridFSBuckets.create(harness.mongo, StorageLayout.MP3S_BUCKET);
  }

  private boolean exists(Stored c) {
    return harness.get(c.namespace(), c.name()) != null;
  }

  private void awaitDeletedWithItsFiles(Stored c) {
    await().atMost(PROMPTLY).until(() -> !exists(c));
    assertThat(videos().find(Filters.eq("_id", c.video())).first()).as("video of %s", c.name()).isNull();
    assertThat(mp3s().find(Filters.eq("_id", new BsonString(c.uid()))).first()).as("MP3 of %s", c.name()).isNull();
  }

  /** Looked at by the operator (its finalizer is on) and still there a while later, files included. */
  private void awaitKept(Stored c) {
    await().atMost(PROMPTLY).until(() -> exists(c)
        && !harness.get(c.namespace(), c.name()).getMetadata().getFinalizers().isEmpty());
    await().during(STAYS).atMost(STAYS.plusSeconds(3)).until(() -> exists(c));
    assertThat(mp3s().find(Filters.eq("_id", new BsonString(c.uid()))).first()).as("MP3 of %s", c.name()).isNotNull();
  }

  private long expiredEvents(Stored c) {
    return harness.client.v1().events().inNamespace(c.namespace()).list().getItems().stream()
        .filter(e -> c.name().equals(e.getInvolvedObject().getName()))
        .filter(e -> ResourceEvents.EXPIRED.equals(e.getReason()))
        .count();
  }

  @Test
  void anExpiredConversionIsDeletedWithItsFilesARecentOneStays() throws Exception {
    harness = new OperatorHarness(4, false); // RETENTION_DAYS unset: 7
    Stored old = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(8), true);
    Stored failedLongAgo = finished(OperatorHarness.NS, Phase.Failed, Duration.ofDays(30), true);
    Stored recent = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(6), true);
    // Not expired when first looked at: deleted when due, with no event but the rescheduled reconcile.
    Stored dueSoon = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(7).minusSeconds(4), true);
    harness.startOperator();

    awaitDeletedWithItsFiles(old);
    awaitDeletedWithItsFiles(failedLongAgo);
    assertThat(expiredEvents(old)).isEqualTo(1);
    assertThat(exists(dueSoon)).as("kept until due").isTrue();
    awaitDeletedWithItsFiles(dueSoon);
    awaitKept(recent);
    assertThat(expiredEvents(recent)).isZero();
  }

  @Test
  void theNamespacesPlatformWinsOverTheEnvironment() throws Exception {
    harness = new OperatorHarness(4, false).env("RETENTION_DAYS", "30");
    String strict = "strict";
    harness.createPlatform(strict, new ConversionsSpec(null, null, null, 2));
    String lenient = "lenient";
    harness.createPlatform(lenient, new ConversionsSpec(null, null, null, 365));
    String unset = "unset"; // a platform without retentionDays: the environment's
    harness.createPlatform(unset, new ConversionsSpec(2, null, null, null));
    Stored byPlatform = finished(strict, Phase.Succeeded, Duration.ofDays(3), true);
    Stored keptByPlatform = finished(lenient, Phase.Succeeded, Duration.ofDays(60), true);
    Stored byEnvironment = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(31), true);
    Stored keptByEnvironment = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(3), true);
    Stored platformWithoutRetention = finished(unset, Phase.Succeeded, Duration.ofDays(31), true);
    harness.startOperator();

    awaitDeletedWithItsFiles(byPlatform);
    awaitDeletedWithItsFiles(byEnvironment);
    awaitDeletedWithItsFiles(platformWithoutRetention);
    awaitKept(keptByPlatform);
    awaitKept(keptByEnvironment);
  }

  @Test
  void retentionDaysZeroKeepsForever() throws Exception {
    harness = new OperatorHarness(4, false).env("RETENTION_DAYS", "0");
    Stored ancient = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(3650), true);
    harness.startOperator();
    awaitKept(ancient);
    assertThat(expiredEvents(ancient)).isZero();
  }

  @Test
  void neverDeletedBeforeItsOwnerWasNotified() throws Exception {
    URI real = URI.create(System.getenv().getOrDefault("RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672"));
    broker = new TcpProxy(real.getHost() == null ? "127.0.0.1" : real.getHost(), real.getPort() < 0 ? 5672 : real.getPort());
    String userInfo = real.getUserInfo() == null ? "guest:guest" : real.getUserInfo();
    harness = new OperatorHarness(4, false, "amqp://" + userInfo + "@127.0.0.1:" + broker.port());
    Stored unnotified = finished(OperatorHarness.NS, Phase.Succeeded, Duration.ofDays(30), null);
    harness.startOperator();

    awaitKept(unnotified); // the broker is unreachable: ConversionFinished is not confirmed
    assertThat(harness.get(unnotified.namespace(), unnotified.name()).getStatus().getNotified()).isNull();

    broker.start();
    awaitDeletedWithItsFiles(unnotified);
    assertThat(expiredEvents(unnotified)).isEqualTo(1);
  }
}
