package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A storage size in the spec that a StatefulSet's existing claims were not made with. The API
 * server refuses to change claim templates, so the operator keeps the live ones: this says so,
 * and what to do, instead of ignoring the change. Pure.
 */
final class StorageChange {

  static final String CONDITION = "StorageChangePending";
  static final String REASON_IMMUTABLE = "StorageImmutable";
  static final String REASON_APPLIED = "StorageMatches";

  private StorageChange() {
  }

  /** {@code field}: the spec field, e.g. {@code spec.mongodb.storage}; empty when the claims match it. */
  static Optional<String> pending(String field, String wanted, StatefulSet live) {
    Optional<Quantity> made = Optional.ofNullable(live).map(s -> s.getSpec())
        .flatMap(s -> s.getVolumeClaimTemplates().stream().findFirst())
        .map(c -> c.getSpec().getResources().getRequests())
        .map(r -> r.get("storage"));
    if (made.isEmpty() || wanted == null
        || made.get().getNumericalAmount().compareTo(new Quantity(wanted).getNumericalAmount()) == 0) {
      return Optional.empty();
    }
    String set = live.getMetadata().getName();
    return Optional.of(field + " is " + wanted + " but the volume claims of StatefulSet " + set + " were made with "
        + made.get() + ", and a StatefulSet's claim templates cannot change. To apply it, resize each PVC of " + set
        + " by hand (if its StorageClass allows expansion), then delete the StatefulSet with --cascade=orphan:"
        + " the operator recreates it with the new size and keeps the pods and data");
  }

  /** As the {@value #CONDITION} condition: True (the "ready" of a step) while a change waits. */
  static StepOutcome outcome(Optional<String> mongodb, Optional<String> rabbitmq) {
    String message = String.join("; ", Stream.of(mongodb, rabbitmq).flatMap(Optional::stream).toList());
    return message.isEmpty()
        ? StepOutcome.notYet(REASON_APPLIED, "the volume claims have the storage the spec asks for")
        : StepOutcome.done(REASON_IMMUTABLE, message);
  }
}
