package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.Condition;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformStatus;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's Events, from how its conditions changed in one reconcile: Normal for the steps of
 * provisioning (replica set initiated or reconfigured, nodes ready, queues declared), Warning for
 * a step that failed or a change that cannot be applied. A condition that stays as it was says nothing.
 */
final class PlatformEvents {

  static final String PROVISIONING = "Provisioning";
  /** Reasons that mean a step was taken. */
  private static final Set<String> STEPS = Set.of("Initiated", "Reconfigured", "ReplicaSetReady", "NodesReady",
      "TopologyDeclared");
  /** Reasons that mean a step failed and needs someone to look. */
  private static final Set<String> PROBLEMS = Set.of("AuthenticationFailed", "MemberUnreachable", "MongoDBError",
      "NotReplicaSetMember", "BrokerUnavailable", StorageChange.REASON_IMMUTABLE,
      RabbitMqScaleDown.REASON_REFUSED, "RemovalWaitsForMajority",
      "ReconfigRefused");

  private final ResourceEvents events;

  PlatformEvents(ResourceEvents events) {
    this.events = events;
  }

  void announce(ConversionPlatform platform, ConversionPlatformStatus before, ConversionPlatformStatus after) {
    if (before == null || before.getConditions() == null || before.getConditions().isEmpty()) {
      events.normal(platform, PROVISIONING, "creating the MongoDB replica set and the RabbitMQ cluster");
    }
    List<Condition> old = before == null || before.getConditions() == null ? List.of() : before.getConditions();
    for (Condition now : after.getConditions()) {
      Optional<Condition> was = old.stream().filter(c -> c.getType().equals(now.getType())).findFirst();
      boolean changed = was.map(c -> !Objects.equals(c.getReason(), now.getReason())
          || !Objects.equals(c.getMessage(), now.getMessage())).orElse(true);
      if (!changed) {
        continue;
      }
      if (STEPS.contains(now.getReason())) {
        events.normal(platform, now.getReason(), now.getMessage());
      } else if (PROBLEMS.contains(now.getReason())) {
        events.warning(platform, now.getReason(), now.getMessage());
      }
    }
  }
}
