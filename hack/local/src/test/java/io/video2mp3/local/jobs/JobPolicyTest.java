package io.video2mp3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.video2mp3.local.jobs.JobPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobPolicyTest {

  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofSeconds(10);

  private static Job job(Integer backoffLimit, Long deadline, boolean exit2FailsJob) {
    JobBuilder builder = new JobBuilder().withNewMetadata().withName("j").endMetadata()
        .withNewSpec().withBackoffLimit(backoffLimit).withActiveDeadlineSeconds(deadline).endSpec();
    if (exit2FailsJob) {
      builder.editSpec().withNewPodFailurePolicy()
          .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName("converter")
            .withOperator("In").withValues(2).endOnExitCodes().endRule()
          .addNewRule().withAction("Ignore").addNewOnPodCondition().withType("DisruptionTarget").withStatus("True")
            .endOnPodCondition().endRule()
          .endPodFailurePolicy().endSpec();
    }
    return builder.build();
  }

  @Test
  void exitZeroSucceedsWhateverThePolicy() {
    JobPolicy policy = JobPolicy.of(job(0, null, true), BASE, CAP);
    assertThat(policy.afterExit(0, "converter", 0).verdict()).isEqualTo(Verdict.SUCCEEDED);
  }

  @Test
  void exitTwoFailsTheJobAtOnceThroughThePodFailurePolicy() {
    JobPolicy policy = JobPolicy.of(job(5, null, true), BASE, CAP);
    JobPolicy.Decision decision = policy.afterExit(2, "converter", 0);
    assertThat(decision.verdict()).isEqualTo(Verdict.FAIL_POLICY);
    assertThat(decision.ruleIndex()).isZero();
  }

  @Test
  void exitTwoOfAnotherContainerIsAnOrdinaryFailure() {
    JobPolicy policy = JobPolicy.of(job(5, null, true), BASE, CAP);
    assertThat(policy.afterExit(2, "sidecar", 0).verdict()).isEqualTo(Verdict.RETRY);
  }

  @Test
  void otherExitCodesAreRetriedUntilFailuresExceedTheBackoffLimit() {
    JobPolicy policy = JobPolicy.of(job(2, null, true), BASE, CAP);
    assertThat(policy.afterExit(1, "converter", 0).verdict()).isEqualTo(Verdict.RETRY);
    assertThat(policy.afterExit(1, "converter", 1).verdict()).isEqualTo(Verdict.RETRY);
    assertThat(policy.afterExit(1, "converter", 2).verdict()).isEqualTo(Verdict.FAIL_BACKOFF);
  }

  @Test
  void backoffLimitZeroFailsOnTheFirstFailure() {
    JobPolicy policy = JobPolicy.of(job(0, null, false), BASE, CAP);
    assertThat(policy.afterExit(1, "converter", 0).verdict()).isEqualTo(Verdict.FAIL_BACKOFF);
  }

  @Test
  void missingBackoffLimitMeansKubernetesDefaultOfSix() {
    JobPolicy policy = JobPolicy.of(job(null, null, false), BASE, CAP);
    assertThat(policy.backoffLimit()).isEqualTo(6);
    assertThat(policy.afterExit(1, "c", 5).verdict()).isEqualTo(Verdict.RETRY);
    assertThat(policy.afterExit(1, "c", 6).verdict()).isEqualTo(Verdict.FAIL_BACKOFF);
  }

  @Test
  void notInOperatorMatchesEveryOtherCode() {
    Job job = new JobBuilder().withNewMetadata().withName("j").endMetadata().withNewSpec().withBackoffLimit(3)
        .withNewPodFailurePolicy().addNewRule().withAction("FailJob").withNewOnExitCodes()
        .withOperator("NotIn").withValues(1).endOnExitCodes().endRule().endPodFailurePolicy().endSpec().build();
    JobPolicy policy = JobPolicy.of(job, BASE, CAP);
    assertThat(policy.afterExit(1, "c", 0).verdict()).isEqualTo(Verdict.RETRY);
    assertThat(policy.afterExit(3, "c", 0).verdict()).isEqualTo(Verdict.FAIL_POLICY);
  }

  @Test
  void deadlineCountsFromTheJobsStartTime() {
    JobPolicy policy = JobPolicy.of(job(1, 10L, false), BASE, CAP);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(policy.deadlineExceeded(start, start.plusSeconds(9))).isFalse();
    assertThat(policy.deadlineExceeded(start, start.plusSeconds(10))).isTrue();
    assertThat(policy.deadline(start)).contains(start.plusSeconds(10));
  }

  @Test
  void noDeadlineNeverExpires() {
    JobPolicy policy = JobPolicy.of(job(1, null, false), BASE, CAP);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(policy.deadlineExceeded(start, start.plus(Duration.ofDays(365)))).isFalse();
  }

  @Test
  void retryDelayDoublesAndIsCapped() {
    JobPolicy policy = JobPolicy.of(job(10, null, false), BASE, CAP);
    assertThat(policy.retryDelay(0)).isZero();
    assertThat(policy.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryDelay(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.retryDelay(5)).isEqualTo(CAP);
    assertThat(policy.retryDelay(60)).isEqualTo(CAP);
  }
}
