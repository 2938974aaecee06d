package io.video2mp3.local.jobs;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Job controller's decisions, as pure functions of a Job's spec: what a pod's exit means
 * (podFailurePolicy, backoffLimit), when the deadline has passed, how long to wait before a retry.
 * Like Kubernetes: a Job fails once its failed pods exceed backoffLimit (default 6); rules of the
 * podFailurePolicy are checked in order for failed pods only, the first match wins.
 */
public record JobPolicy(int backoffLimit, Long activeDeadlineSeconds, List<PodFailurePolicyRule> rules,
    Duration retryBase, Duration retryCap) {

  public static final int DEFAULT_BACKOFF_LIMIT = 6;

  public enum Verdict { SUCCEEDED, RETRY, RETRY_UNCOUNTED, FAIL_POLICY, FAIL_BACKOFF }

  /** What a pod's exit means; {@code ruleIndex} names the matching podFailurePolicy rule, else -1. */
  public record Decision(Verdict verdict, int ruleIndex) {
  }

  public static JobPolicy of(Job job, Duration retryBase, Duration retryCap) {
    JobSpec spec = job.getSpec();
    int backoff = spec.getBackoffLimit() == null ? DEFAULT_BACKOFF_LIMIT : spec.getBackoffLimit();
    List<PodFailurePolicyRule> rules = spec.getPodFailurePolicy() == null || spec.getPodFailurePolicy().getRules() == null
        ? List.of() : spec.getPodFailurePolicy().getRules();
    return new JobPolicy(backoff, spec.getActiveDeadlineSeconds(), rules, retryBase, retryCap);
  }

  /**
   * @param exitCode the container's exit code
   * @param containerName the container that exited
   * @param failedBefore failed pods counted before this one
   */
  public Decision afterExit(int exitCode, String containerName, int failedBefore) {
    if (exitCode == 0) {
      return new Decision(Verdict.SUCCEEDED, -1);
    }
    Optional<Integer> match = matchingRule(exitCode, containerName);
    if (match.isPresent()) {
      String action = rules.get(match.get()).getAction();
      if ("FailJob".equals(action)) {
        return new Decision(Verdict.FAIL_POLICY, match.get());
      }
      if ("Ignore".equals(action)) {
        return new Decision(Verdict.RETRY_UNCOUNTED, match.get());
      }
    }
    int failed = failedBefore + 1;
    return new Decision(failed > backoffLimit ? Verdict.FAIL_BACKOFF : Verdict.RETRY, match.orElse(-1));
  }

  private Optional<Integer> matchingRule(int exitCode, String containerName) {
    for (int i = 0; i < rules.size(); i++) {
      PodFailurePolicyOnExitCodesRequirement onExit = rules.get(i).getOnExitCodes();
      if (onExit == null) {
        continue; // onPodConditions: the local runner's pods get no conditions such as DisruptionTarget
      }
      if (onExit.getContainerName() != null && !onExit.getContainerName().equals(containerName)) {
        continue;
      }
      List<Integer> values = onExit.getValues() == null ? List.of() : onExit.getValues();
      boolean in = values.contains(exitCode);
      if ("In".equals(onExit.getOperator()) ? in : "NotIn".equals(onExit.getOperator()) && !in) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public boolean deadlineExceeded(Instant startTime, Instant now) {
    return activeDeadlineSeconds != null && startTime != null
        && !now.isBefore(startTime.plusSeconds(activeDeadlineSeconds));
  }

  /** When the deadline passes, if there is one. */
  public Optional<Instant> deadline(Instant startTime) {
    return activeDeadlineSeconds == null || startTime == null
        ? Optional.empty() : Optional.of(startTime.plusSeconds(activeDeadlineSeconds));
  }

  /** Exponential back-off before the next pod: base, 2×base, 4×base ... capped (Kubernetes: 10 s … 6 min). */
  public Duration retryDelay(int failedSoFar) {
    if (failedSoFar <= 0) {
      return Duration.ZERO;
    }
    Duration delay = retryBase.multipliedBy(1L << Math.min(failedSoFar - 1, 20));
    return delay.compareTo(retryCap) > 0 ? retryCap : delay;
  }
}
