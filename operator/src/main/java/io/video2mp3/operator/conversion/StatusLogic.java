package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.operator.reconcile.ErrorConditions;
import io.video2mp3.operator.reconcile.ReconcileFailure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Status transitions as pure functions: each takes the current status and returns a new one,
 * leaving the argument untouched. A terminal status is never recomputed: the Job may be gone
 * (TTL) and its Pods with it, so what was recorded at the transition stays.
 */
public final class StatusLogic {

  /** True when the MP3 is available. */
  public static final String READY = "Ready";
  /** True once the conversion reached Succeeded or Failed; the reason says how. */
  public static final String COMPLETED = "Completed";

  public static final String REASON_NOT_CONVERTIBLE = "NotConvertible";
  public static final String REASON_JOB_LOST = "JobLost";
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  private StatusLogic() {
  }

  public static VideoConversionStatus pending(VideoConversionStatus current, long generation, Instant now) {
    VideoConversionStatus next = copy(current);
    next.setPhase(Phase.Pending);
    return conditions(next, generation, now, "False", "Pending", "waiting for admission", "False", "Pending", null);
  }

  /** {@code ahead}: conversions waiting before this one; they take the next free slots first. */
  public static VideoConversionStatus queued(VideoConversionStatus current, long generation, int running, int max,
      int ahead, Instant now) {
    VideoConversionStatus next = copy(current);
    next.setPhase(Phase.Queued);
    next.setMessage("waiting for a free slot: " + running + " of " + max + " conversions running"
        + (ahead > 0 ? ", " + ahead + " queued ahead" : ""));
    return conditions(next, generation, now, "False", "Queued", next.getMessage(), "False", "Queued", null);
  }

  /** Admitted: {@code request} is what the Job converts, for whom; it is fixed from now on. */
  public static VideoConversionStatus jobCreated(VideoConversionStatus current, long generation, String jobName,
      AdmittedRequest request, Instant now) {
    VideoConversionStatus next = copy(current);
    next.setPhase(Phase.Running);
    next.setJobName(jobName);
    next.setAdmitted(request);
    next.setStartedAt(rfc3339(now));
    next.setAttempts(0);
    next.setProgress(0);
    // Never null: status is written with a merge patch, where a missing field keeps its old value.
    next.setMessage("Job " + jobName + " created");
    return conditions(next, generation, now, "False", "Running", "Job " + jobName + " created", "False", "Running", null);
  }

  /**
   * Follows the Job. {@code termination} is the converter's summary of the last attempt (only read
   * once the Job has finished); {@code defaultOutput} names the MP3 when the summary is unavailable
   * (its id is the conversion's uid by contract).
   */
  public static VideoConversionStatus fromJob(VideoConversionStatus current, long generation, JobObservation job,
      Optional<TerminationMessage> termination, ConversionOutput defaultOutput, Instant now) {
    if (isTerminal(current)) {
      return current;
    }
    VideoConversionStatus next = copy(current);
    next.setAttempts(Math.max(job.attempts(), Objects.requireNonNullElse(current.getAttempts(), 0)));
    switch (job.outcome()) {
      case RUNNING -> {
        next.setPhase(Phase.Running);
        next.setMessage("attempt " + Math.max(1, job.attempts()) + " of " + current.getJobName());
        return conditions(next, generation, now, "False", "Running", next.getMessage(), "False", "Running", null);
      }
      case SUCCEEDED -> {
        next.setPhase(Phase.Succeeded);
        next.setProgress(100);
        next.setCompletedAt(rfc3339(now));
        next.setOutput(output(termination, defaultOutput));
        next.setMessage(termination.map(TerminationMessage::message).filter(m -> !m.isBlank()).orElse("the MP3 is ready"));
        return conditions(next, generation, now, "True", "Succeeded", "the MP3 is ready", "True", "Succeeded",
            next.getMessage());
      }
      default -> {
        String reason = failureReason(job);
        next.setPhase(Phase.Failed);
        next.setCompletedAt(rfc3339(now));
        next.setMessage(failureMessage(job, reason, termination));
        return conditions(next, generation, now, "False", reason, next.getMessage(), "True", reason, next.getMessage());
      }
    }
  }

  /** The Job was deleted (by someone else) before it finished: a Job is never recreated, so this fails. */
  public static VideoConversionStatus jobVanished(VideoConversionStatus current, long generation, Instant now) {
    if (isTerminal(current)) {
      return current;
    }
    VideoConversionStatus next = copy(current);
    next.setPhase(Phase.Failed);
    next.setCompletedAt(rfc3339(now));
    next.setMessage("Job " + current.getJobName() + " disappeared before it finished; create a new VideoConversion to retry");
    return conditions(next, generation, now, "False", REASON_JOB_LOST, next.getMessage(), "True", REASON_JOB_LOST,
        next.getMessage());
  }

  /** The spec breaks the schema's rules or cannot be read: Failed at once, without a Job or an attempt. */
  public static VideoConversionStatus invalid(VideoConversionStatus current, long generation, String problem,
      Instant now) {
    VideoConversionStatus next = copy(current);
    next.setPhase(Phase.Failed);
    next.setCompletedAt(rfc3339(now));
    next.setMessage("invalid spec: " + problem);
    return conditions(next, generation, now, "False", REASON_INVALID_SPEC, next.getMessage(), "True",
        REASON_INVALID_SPEC, next.getMessage());
  }

  /**
   * A reconcile failed and is retried: the failure shows as a condition and, unless the conversion
   * already finished (its message says how), as the message. A new conversion is Pending, not blank.
   */
  public static VideoConversionStatus reconcileError(VideoConversionStatus current, long generation,
      ReconcileFailure failure, Instant now) {
    VideoConversionStatus next = copy(current);
    if (next.getPhase() == null) {
      next.setPhase(Phase.Pending);
    }
    if (!isTerminal(next)) {
      next.setMessage("retrying after an error: " + failure.reason() + ": " + failure.message());
    }
    next.setConditions(ErrorConditions.failing(next.getConditions(), failure, generation, now));
    return next;
  }

  /** Mirrors the converter's progress while running; never goes backwards within an attempt's view. */
  public static VideoConversionStatus progress(VideoConversionStatus current, Integer percent) {
    if (percent == null || current.getPhase() != Phase.Running) {
      return current;
    }
    VideoConversionStatus next = copy(current);
    next.setProgress(Math.max(0, Math.min(100, percent)));
    return next;
  }

  public static VideoConversionStatus notified(VideoConversionStatus current) {
    VideoConversionStatus next = copy(current);
    next.setNotified(true);
    return next;
  }

  public static boolean isTerminal(VideoConversionStatus status) {
    return status != null && status.getPhase() != null && status.getPhase().isTerminal();
  }

  static String failureReason(JobObservation job) {
    String reason = job.reason();
    if (JobObservation.POD_FAILURE_POLICY.equals(reason)) {
      return REASON_NOT_CONVERTIBLE;
    }
    return reason == null || reason.isBlank() ? "JobFailed" : reason;
  }

  static String failureMessage(JobObservation job, String reason, Optional<TerminationMessage> termination) {
    Optional<String> converter = termination.map(TerminationMessage::message).filter(m -> !m.isBlank());
    if (REASON_NOT_CONVERTIBLE.equals(reason)) {
      // The converter knows best why the input is not convertible.
      return converter.orElse("the input cannot be converted to audio");
    }
    String base = reason + (job.message() == null || job.message().isBlank() ? "" : ": " + job.message());
    return converter.map(m -> base + " (last attempt: " + m + ")").orElse(base);
  }

  private static ConversionOutput output(Optional<TerminationMessage> termination, ConversionOutput defaultOutput) {
    return termination.filter(TerminationMessage::succeeded)
        .map(t -> new ConversionOutput(
            t.fileId() == null ? defaultOutput.fileId() : t.fileId(),
            t.sizeBytes(), t.durationSeconds(),
            t.bitrate() == null ? defaultOutput.bitrate() : t.bitrate()))
        .orElse(defaultOutput);
  }

  private static VideoConversionStatus conditions(VideoConversionStatus status, long generation, Instant now,
      String readyStatus, String readyReason, String readyMessage,
      String completedStatus, String completedReason, String completedMessage) {
    status.setObservedGeneration(generation);
    List<Condition> conditions = new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
    set(conditions, READY, readyStatus, readyReason, readyMessage, generation, now);
    set(conditions, COMPLETED, completedStatus, completedReason, completedMessage, generation, now);
    status.setConditions(conditions);
    return status;
  }

  static void set(List<Condition> conditions, String type, String status, String reason, String message,
      long generation, Instant now) {
    Condition existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    // The transition time moves only when the status flips, as metav1.Condition requires.
    String transition = existing != null && status.equals(existing.getStatus())
        ? existing.getLastTransitionTime() : rfc3339(now);
    Condition next = new ConditionBuilder()
        .withType(type).withStatus(status).withReason(reason)
        .withMessage(message == null ? "" : message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build();
    if (existing != null) {
      conditions.set(conditions.indexOf(existing), next);
    } else {
      conditions.add(next);
    }
  }

  public static String rfc3339(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static VideoConversionStatus copy(VideoConversionStatus source) {
    VideoConversionStatus copy = new VideoConversionStatus();
    if (source == null) {
      return copy;
    }
    copy.setPhase(source.getPhase());
    copy.setConditions(source.getConditions() == null ? new ArrayList<>() : new ArrayList<>(source.getConditions()));
    copy.setObservedGeneration(source.getObservedGeneration());
    copy.setJobName(source.getJobName());
    copy.setAttempts(source.getAttempts());
    copy.setProgress(source.getProgress());
    copy.setStartedAt(source.getStartedAt());
    copy.setCompletedAt(source.getCompletedAt());
    copy.setOutput(source.getOutput());
    copy.setMessage(source.getMessage());
    copy.setNotified(source.getNotified());
    copy.setAdmitted(source.getAdmitted());
    copy.setNotification(source.getNotification());
    return copy;
  }
}
