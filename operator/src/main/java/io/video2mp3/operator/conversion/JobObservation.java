package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.List;
import java.util.Optional;

/** What the reconciler needs to know about a Job, read from its status. */
public record JobObservation(int active, int succeeded, int failed, Outcome outcome, String reason, String message) {

  public enum Outcome { RUNNING, SUCCEEDED, FAILED }

  /** Job failure reasons set by the Job controller. */
  public static final String POD_FAILURE_POLICY = "PodFailurePolicy";
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  public static final String BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";

  public static JobObservation of(Job job) {
    JobStatus status = job.getStatus();
    if (status == null) {
      return new JobObservation(0, 0, 0, Outcome.RUNNING, null, null);
    }
    List<JobCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
    Optional<JobCondition> complete = find(conditions, "Complete");
    Optional<JobCondition> failed = find(conditions, "Failed");
    Outcome outcome = complete.isPresent() ? Outcome.SUCCEEDED : failed.isPresent() ? Outcome.FAILED : Outcome.RUNNING;
    JobCondition decisive = complete.or(() -> failed).orElse(null);
    return new JobObservation(
        zeroIfNull(status.getActive()), zeroIfNull(status.getSucceeded()), zeroIfNull(status.getFailed()),
        outcome,
        decisive == null ? null : decisive.getReason(),
        decisive == null ? null : decisive.getMessage());
  }

  /** Pod attempts so far: running, failed and succeeded pods. */
  public int attempts() {
    return active + succeeded + failed;
  }

  public boolean finished() {
    return outcome != Outcome.RUNNING;
  }

  private static Optional<JobCondition> find(List<JobCondition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }
}
