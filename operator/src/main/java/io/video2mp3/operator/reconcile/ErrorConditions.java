package io.video2mp3.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@value #RECONCILE_ERROR} condition every resource of this operator carries while its
 * reconcile fails, and drops on the first reconcile that succeeds. Pure.
 */
public final class ErrorConditions {

  public static final String RECONCILE_ERROR = "ReconcileError";

  private ErrorConditions() {
  }

  /** {@code conditions} with the failure set; its transition time stays while it keeps failing. */
  public static List<Condition> failing(List<Condition> conditions, ReconcileFailure failure, long generation,
      Instant now) {
    List<Condition> next = new ArrayList<>(Objects.requireNonNullElse(conditions, List.of()));
    String since = next.stream().filter(ErrorConditions::isError).map(Condition::getLastTransitionTime)
        .findFirst().orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    next.removeIf(ErrorConditions::isError);
    next.add(new ConditionBuilder().withType(RECONCILE_ERROR).withStatus("True")
        .withReason(failure.reason()).withMessage(failure.message() + " (retrying)")
        .withObservedGeneration(generation).withLastTransitionTime(since).build());
    return next;
  }

  /** {@code conditions} without the failure: the reconcile succeeded. */
  public static List<Condition> recovered(List<Condition> conditions) {
    List<Condition> next = new ArrayList<>(Objects.requireNonNullElse(conditions, List.of()));
    next.removeIf(ErrorConditions::isError);
    return next;
  }

  public static boolean isFailing(List<Condition> conditions) {
    return conditions != null && conditions.stream().anyMatch(ErrorConditions::isError);
  }

  private static boolean isError(Condition condition) {
    return RECONCILE_ERROR.equals(condition.getType());
  }
}
