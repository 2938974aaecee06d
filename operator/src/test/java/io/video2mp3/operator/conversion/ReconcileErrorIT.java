package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.reconcile.ErrorConditions;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server refuses the Job (a full quota): the refusal shows on the conversion with the
 * server's reason and message, as a Warning Event and in status.message; once the quota is lifted
 * the retry alone creates the Job, with nothing else touching the conversion.
 */
class ReconcileErrorIT {

  private static final String JOBS = "/apis/batch/v1/namespaces/" + OperatorHarness.NS + "/jobs";
  private static final String QUOTA = "jobs.batch \"quota-1-convert\" is forbidden: exceeded quota: conversions,"
      + " requested: count/jobs.batch=1, used: count/jobs.batch=0, limited: count/jobs.batch=0";

  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    // Queued conversions re-check only every 10 minutes: only the error retry can create the Job.
    harness = new OperatorHarness(4, false).timing(new VideoConversionReconciler.Timing(Duration.ofMinutes(10),
        OperatorHarness.FAST.progressPoll(), OperatorHarness.FAST.runningResync(), OperatorHarness.FAST.maxNotifyBackoff()));
    harness.startOperator();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private Optional<Condition> reconcileError(String name) {
    VideoConversion vc = harness.get(name);
    return vc == null || vc.getStatus() == null ? Optional.empty() : vc.getStatus().getConditions().stream()
        .filter(c -> ErrorConditions.RECONCILE_ERROR.equals(c.getType())).findFirst();
  }

  @Test
  void aRefusedJobShowsOnTheResourceAndIsCreatedOnceTheCauseIsGone() {
    harness.refuseCreates(JOBS, 403, "Forbidden", QUOTA);
    harness.create("quota-1", Source.url("https://example.com/a.mp4", "a.mp4"));

    Condition error = await().atMost(Duration.ofSeconds(20)).until(() -> reconcileError("quota-1").orElse(null),
        c -> c != null);
    assertThat(error.getStatus()).isEqualTo("True");
    assertThat(error.getReason()).isEqualTo("Forbidden");
    assertThat(error.getMessage()).contains("exceeded quota: conversions").contains("count/jobs.batch");
    VideoConversion refused = harness.get("quota-1");
    assertThat(refused.getStatus().getPhase()).isEqualTo(Phase.Pending);
    assertThat(refused.getStatus().getMessage()).startsWith("retrying after an error: Forbidden: ")
        .contains("exceeded quota");
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.events("quota-1").stream()
        .anyMatch(e -> ResourceEvents.RECONCILE_ERROR.equals(e.getReason()) && "Warning".equals(e.getType())
            && e.getMessage().contains("exceeded quota")));
    assertThat(harness.jobs()).isEmpty();

    harness.server.clearExpectations();

    // Retried at most a minute apart; here the refusal lasted seconds, so the retry comes within seconds.
    harness.awaitJob("quota-1");
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.phase("quota-1") == Phase.Running
        && reconcileError("quota-1").isEmpty());
    assertThat(harness.get("quota-1").getStatus().getMessage()).doesNotContain("error");
  }
}
