package io.video2mp3.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorConditionsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Condition READY = new ConditionBuilder().withType("Ready").withStatus("False").build();

  @Test
  void theApiServersReasonAndMessageAreKept() {
    var refused = new KubernetesClientException(new StatusBuilder().withCode(403).withReason("Forbidden")
        .withMessage("jobs.batch \"x\" is forbidden: exceeded quota: q, requested: count/jobs.batch=1").build());
    ReconcileFailure failure = ReconcileFailure.of(new IllegalStateException("wrapped", refused));
    assertThat(failure).isEqualTo(new ReconcileFailure("Forbidden",
        "jobs.batch \"x\" is forbidden: exceeded quota: q, requested: count/jobs.batch=1"));
  }

  @Test
  void otherErrorsSayTheirKindAndMessage() {
    assertThat(ReconcileFailure.of(new IllegalStateException("a Job named x exists")))
        .isEqualTo(new ReconcileFailure("IllegalStateException", "a Job named x exists"));
    assertThat(ReconcileFailure.of(new NullPointerException()))
        .isEqualTo(new ReconcileFailure("NullPointerException", "NullPointerException"));
    assertThat(ReconcileFailure.of(new KubernetesClientException("connection refused")).reason())
        .isEqualTo("ApiServerUnreachable");
  }

  @Test
  void failingSetsOneConditionThatKeepsItsTransitionTimeAndRecoveredDropsIt() {
    List<Condition> first = ErrorConditions.failing(List.of(READY), new ReconcileFailure("Forbidden", "quota"), 2, T0);
    assertThat(first).hasSize(2);
    Condition error = first.get(1);
    assertThat(error.getType()).isEqualTo(ErrorConditions.RECONCILE_ERROR);
    assertThat(error.getStatus()).isEqualTo("True");
    assertThat(error.getReason()).isEqualTo("Forbidden");
    assertThat(error.getMessage()).isEqualTo("quota (retrying)");
    assertThat(error.getObservedGeneration()).isEqualTo(2L);
    assertThat(ErrorConditions.isFailing(first)).isTrue();

    List<Condition> again = ErrorConditions.failing(first, new ReconcileFailure("Conflict", "other"), 2,
        T0.plusSeconds(30));
    assertThat(again).hasSize(2);
    assertThat(again.get(1).getReason()).isEqualTo("Conflict");
    assertThat(again.get(1).getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");

    assertThat(ErrorConditions.recovered(again)).containsExactly(READY);
    assertThat(ErrorConditions.isFailing(List.of(READY))).isFalse();
    assertThat(ErrorConditions.isFailing(null)).isFalse();
  }
}
