package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.operator.OperatorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator restarts while conversions run: it picks them up and never creates a second Job. */
class RestartIT {

  private OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness(4, false);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void restartMidConversionKeepsTheOneJob() throws Exception {
    harness.startOperator();
    String name = "vc-restart";
    harness.create(name, Source.url("https://example.com/long.mp4", "long.mp4"));
    Job first = harness.awaitJob(name);
    harness.awaitPhase(name, Phase.Running);
    harness.jobActive(name, 1, 0);

    harness.stopOperator();
    harness.startOperator();

    harness.jobSucceeded(name, "{\"status\":\"Succeeded\",\"sizeBytes\":7,\"durationSeconds\":2.0,\"bitrate\":\"192k\"}");
    VideoConversion done = harness.awaitPhase(name, Phase.Succeeded);
    assertThat(done.getStatus().getOutput().sizeBytes()).isEqualTo(7L);
    assertThat(harness.jobs()).singleElement()
        .satisfies(j -> assertThat(j.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid()));
  }

  @Test
  void aJobCreatedBeforeACrashIsAdoptedNotDuplicated() throws Exception {
    // The operator crashed after creating the Job and before recording it on the status.
    String name = "vc-adopt";
    VideoConversion vc = harness.create(name, Source.url("https://example.com/x.mp4", null));
    Job job = new ConversionJobBuilder(TestConversions.JOB_SETTINGS).build(vc, AdmittedRequest.of(vc.getSpec()), TestConversions.SETTINGS);
    Job created = harness.client.batch().v1().jobs().inNamespace(OperatorHarness.NS).resource(job).create();

    harness.startOperator();
    VideoConversion running = harness.awaitPhase(name, Phase.Running);
    assertThat(running.getStatus().getJobName()).isEqualTo(created.getMetadata().getName());
    assertThat(harness.jobs()).singleElement()
        .satisfies(j -> assertThat(j.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid()));
  }
}
