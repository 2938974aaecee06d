package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/**
 * A RabbitMQ replica count below the running cluster's. Removing a node takes its quorum queue
 * members and the messages only it holds with it, so the operator refuses, as RabbitMQ's
 * cluster-operator does: it keeps the live node count and says why and what to do. Pure.
 */
final class RabbitMqScaleDown {

  static final String CONDITION = "ScaleDownRefused";
  static final String REASON_REFUSED = "RabbitMQScaleDownRefused";
  static final String REASON_NONE = "NoScaleDown";

  private RabbitMqScaleDown() {
  }

  /** The node count the StatefulSet keeps: the spec's, unless that would remove live nodes. */
  static int replicas(int wanted, StatefulSet live) {
    return Math.max(wanted, liveReplicas(live).orElse(0));
  }

  /** Why {@code wanted} is refused; empty when it is not a scale-down. */
  static Optional<String> refused(int wanted, StatefulSet live) {
    return liveReplicas(live).filter(nodes -> nodes > wanted).map(nodes -> "spec.rabbitmq.replicas is " + wanted
        + " but StatefulSet " + live.getMetadata().getName() + " runs " + nodes + " nodes, and the operator never"
        + " removes RabbitMQ nodes: their quorum queue members and messages would go with them. Keeping " + nodes
        + " nodes; set spec.rabbitmq.replicas back to " + nodes + ". To shrink, drain the queues, then delete and"
        + " recreate the platform's RabbitMQ StatefulSet and its volume claims");
  }

  /** As the {@value #CONDITION} condition: True (the "ready" of a step) while a scale-down is refused. */
  static StepOutcome outcome(Optional<String> refusal) {
    return refusal.map(message -> StepOutcome.done(REASON_REFUSED, message))
        .orElse(StepOutcome.notYet(REASON_NONE, "spec.rabbitmq.replicas does not remove nodes"));
  }

  private static Optional<Integer> liveReplicas(StatefulSet live) {
    return Optional.ofNullable(live).map(StatefulSet::getSpec).map(s -> s.getReplicas());
  }
}
