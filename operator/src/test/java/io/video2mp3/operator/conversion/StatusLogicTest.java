package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.messaging.ConversionFinished;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLogicTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final ConversionOutput DEFAULT_OUTPUT = new ConversionOutput("uid-1", null, null, "192k");

  private static Job job(int active, int succeeded, int failed, String conditionType, String reason) {
    var builder = new JobBuilder().withNewMetadata().withName("j").endMetadata().withNewStatus()
        .withActive(active).withSucceeded(succeeded).withFailed(failed);
    if (conditionType != null) {
      builder.addNewCondition().withType(conditionType).withStatus("True").withReason(reason)
          .withMessage(reason + " message").endCondition();
    }
    return builder.endStatus().build();
  }

  private static final AdmittedRequest REQUEST = AdmittedRequest.of(TestConversions.upload("vc", "665f1c2e9b1d4a0012345678").getSpec());

  private static Condition condition(VideoConversionStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }

  private static VideoConversionStatus running() {
    return StatusLogic.jobCreated(StatusLogic.queued(new VideoConversionStatus(), 1, 1, 1, 0, T0), 1, "vc-convert",
        REQUEST, T0.plusSeconds(10));
  }

  @Test
  void queuedThenRunning() {
    VideoConversionStatus queued = StatusLogic.queued(new VideoConversionStatus(), 1, 4, 4, 0, T0);
    assertThat(queued.getPhase()).isEqualTo(Phase.Queued);
    assertThat(queued.getMessage()).contains("4 of 4");
    assertThat(queued.getObservedGeneration()).isEqualTo(1L);
    assertThat(condition(queued, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(queued, "Ready").getReason()).isEqualTo("Queued");

    VideoConversionStatus running = StatusLogic.jobCreated(queued, 1, "vc-convert", REQUEST, T0.plusSeconds(10));
    assertThat(running.getPhase()).isEqualTo(Phase.Running);
    assertThat(running.getJobName()).isEqualTo("vc-convert");
    assertThat(running.getStartedAt()).isEqualTo("2026-11-22T10:00:10Z");
    assertThat(running.getMessage()).isEqualTo("Job vc-convert created");
    assertThat(condition(running, "Completed").getReason()).isEqualTo("Running");
    // The status did not flip (False → False): the transition time stays.
    assertThat(condition(running, "Ready").getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(queued.getPhase()).as("inputs are not modified").isEqualTo(Phase.Queued);
  }

  @Test
  void queuedSaysHowManyWaitAhead() {
    assertThat(StatusLogic.queued(null, 1, 0, 1, 2, T0).getMessage())
        .isEqualTo("waiting for a free slot: 0 of 1 conversions running, 2 queued ahead");
    assertThat(StatusLogic.queued(null, 1, 1, 1, 0, T0).getMessage())
        .isEqualTo("waiting for a free slot: 1 of 1 conversions running");
  }

  @Test
  void attemptsAndProgressWhileRunning() {
    VideoConversionStatus next = StatusLogic.fromJob(running(), 1, JobObservation.of(job(1, 0, 1, null, null)),
        Optional.empty(), DEFAULT_OUTPUT, T0.plusSeconds(20));
    assertThat(next.getPhase()).isEqualTo(Phase.Running);
    assertThat(next.getAttempts()).isEqualTo(2);
    assertThat(StatusLogic.progress(next, 42).getProgress()).isEqualTo(42);
    assertThat(StatusLogic.progress(next, 420).getProgress()).isEqualTo(100);
    assertThat(StatusLogic.progress(next, null).getProgress()).isEqualTo(0);
  }

  @Test
  void succeededTakesTheOutputFromTheTerminationMessage() {
    var termination = TerminationMessage.parse(
        "{\"status\":\"Succeeded\",\"fileId\":\"uid-1\",\"sizeBytes\":99,\"durationSeconds\":5.0,\"bitrate\":\"192k\"}");
    VideoConversionStatus next = StatusLogic.fromJob(running(), 1, JobObservation.of(job(0, 1, 0, "Complete", null)),
        termination, DEFAULT_OUTPUT, T0.plusSeconds(60));
    assertThat(next.getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(next.getOutput()).isEqualTo(new ConversionOutput("uid-1", 99L, 5.0, "192k"));
    assertThat(next.getProgress()).isEqualTo(100);
    assertThat(next.getAttempts()).isEqualTo(1);
    assertThat(next.getCompletedAt()).isEqualTo("2026-11-22T10:01:00Z");
    assertThat(condition(next, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(next, "Completed").getReason()).isEqualTo("Succeeded");
  }

  @Test
  void succeededWithoutPodsStillNamesTheFile() {
    VideoConversionStatus next = StatusLogic.fromJob(running(), 1, JobObservation.of(job(0, 1, 0, "Complete", null)),
        Optional.empty(), DEFAULT_OUTPUT, T0);
    assertThat(next.getOutput()).isEqualTo(DEFAULT_OUTPUT);
  }

  @Test
  void notConvertibleUsesTheConvertersMessage() {
    var termination = TerminationMessage.parse("{\"status\":\"Failed\",\"message\":\"no audio stream in input\"}");
    VideoConversionStatus next = StatusLogic.fromJob(running(), 1,
        JobObservation.of(job(0, 0, 1, "Failed", "PodFailurePolicy")), termination, DEFAULT_OUTPUT, T0);
    assertThat(next.getPhase()).isEqualTo(Phase.Failed);
    assertThat(next.getMessage()).isEqualTo("no audio stream in input");
    assertThat(condition(next, "Completed").getReason()).isEqualTo("NotConvertible");
    assertThat(condition(next, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void deadlineAndBackoffReasons() {
    VideoConversionStatus deadline = StatusLogic.fromJob(running(), 1,
        JobObservation.of(job(0, 0, 1, "Failed", "DeadlineExceeded")), Optional.empty(), DEFAULT_OUTPUT, T0);
    assertThat(deadline.getMessage()).startsWith("DeadlineExceeded");
    assertThat(condition(deadline, "Completed").getReason()).isEqualTo("DeadlineExceeded");

    var last = TerminationMessage.parse("{\"status\":\"Failed\",\"message\":\"mongo down\"}");
    VideoConversionStatus backoff = StatusLogic.fromJob(running(), 1,
        JobObservation.of(job(0, 0, 3, "Failed", "BackoffLimitExceeded")), last, DEFAULT_OUTPUT, T0);
    assertThat(backoff.getMessage()).startsWith("BackoffLimitExceeded").contains("mongo down");
    assertThat(backoff.getAttempts()).isEqualTo(3);
  }

  @Test
  void terminalStatusIsNeverRecomputed() {
    VideoConversionStatus succeeded = StatusLogic.fromJob(running(), 1,
        JobObservation.of(job(0, 1, 0, "Complete", null)), Optional.empty(), DEFAULT_OUTPUT, T0);
    assertThat(StatusLogic.jobVanished(succeeded, 1, T0.plusSeconds(3600))).isSameAs(succeeded);
    assertThat(StatusLogic.fromJob(succeeded, 1, JobObservation.of(job(0, 0, 1, "Failed", "DeadlineExceeded")),
        Optional.empty(), DEFAULT_OUTPUT, T0)).isSameAs(succeeded);
  }

  @Test
  void aVanishedJobFailsARunningConversion() {
    VideoConversionStatus next = StatusLogic.jobVanished(running(), 1, T0);
    assertThat(next.getPhase()).isEqualTo(Phase.Failed);
    assertThat(next.getMessage()).contains("vc-convert").contains("disappeared");
    assertThat(condition(next, "Completed").getReason()).isEqualTo("JobLost");
  }

  @Test
  void finishedEventCarriesOutputOwnerAndFilename() {
    var conversion = TestConversions.upload("vc-a", "665f00000000000000000001");
    VideoConversionStatus done = StatusLogic.fromJob(running(), 1, JobObservation.of(job(0, 1, 0, "Complete", null)),
        Optional.empty(), DEFAULT_OUTPUT, T0);
    ConversionFinished event = VideoConversionReconciler.finishedEvent(conversion, done);
    assertThat(event.phase()).isEqualTo(Phase.Succeeded);
    assertThat(event.uid()).isEqualTo("uid-vc-a");
    assertThat(event.filename()).isEqualTo("talk.mp4");
    assertThat(event.owner().email()).isEqualTo("alice@example.com");
    assertThat(event.output().fileId()).isEqualTo("uid-1");
    assertThat(event.finishedAt()).isEqualTo(T0);
    assertThat(event.messageId()).isEqualTo("uid-vc-a/finished");
  }
}
