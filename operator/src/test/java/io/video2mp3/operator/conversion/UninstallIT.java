package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.OperatorHarness;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The uninstall order of hack/uninstall.sh: every conversion (finished, running and queued) is deleted
 * while the operator still runs, so its finalizer removes the Job and the GridFS files; only when none
 * is left may the install (operator, Role, CRDs, namespace) go.
 */
class UninstallIT {

  private OperatorHarness harness;
  private GridFSBucket videos;
  private GridFSBucket mp3s;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(1, false);
    harness.startOperator();
    videos = GridFSBuckets.create(harness.mongo, StorageLayout.VIDEOS_BUCKET);
    mp3s = GridFSBuckets.create(harness.mongo, StorageLayout.MP3S_BUCKET);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private String upload() {
    ObjectId video = videos.uploadFromStream("talk.mp4", new ByteArrayInputStream(new byte[] {1, 2, 3}));
    String name = VideoConversion.nameForFileId(video.toHexString());
    harness.create(name, Source.upload(video.toHexString(), "talk.mp4"));
    return name;
  }

  @Test
  void deletingTheConversionsFirstLeavesNoFinalizerAndNoFile() {
    String finished = upload();
    harness.awaitJob(finished);
    String running = upload();
    harness.awaitPhase(running, Phase.Queued);
    String uid = harness.get(finished).getMetadata().getUid();
    mp3s.uploadFromStream(new BsonString(uid), "talk.mp3", new ByteArrayInputStream(new byte[] {4, 5}));
    harness.jobSucceeded(finished, "{\"status\":\"Succeeded\",\"sizeBytes\":2,\"durationSeconds\":1.0}");
    harness.awaitPhase(finished, Phase.Succeeded);
    harness.awaitJob(running);
    String queued = upload();
    harness.awaitPhase(queued, Phase.Queued);

    // kubectl delete videoconversions --all: one delete per listed conversion.
    var conversions = harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS);
    conversions.list().getItems().forEach(vc -> conversions.withName(vc.getMetadata().getName()).delete());

    await().atMost(Duration.ofSeconds(30)).until(() -> conversions.list().getItems().isEmpty());
    assertThat(harness.jobs()).isEmpty();
    assertThat(videos.find().into(new ArrayList<>())).as("uploaded videos").isEmpty();
    assertThat(mp3s.find().into(new ArrayList<>())).as("MP3s").isEmpty();
    assertThat(List.of(finished, running, queued)).allSatisfy(name -> assertThat(harness.get(name)).isNull());
  }

  /** What `kubectl delete -k manifests` alone did: with the operator gone, nothing runs the finalizer. */
  @Test
  void withTheOperatorGoneAConversionStaysTerminating() {
    String name = upload();
    harness.awaitJob(name);
    harness.stopOperator();

    harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).withName(name).delete();

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> harness.get(name) != null);
    assertThat(harness.get(name).getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(harness.get(name).getMetadata().getFinalizers()).isNotEmpty();
  }
}
