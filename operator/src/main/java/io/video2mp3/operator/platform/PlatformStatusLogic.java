package io.video2mp3.operator.platform;

import static io.video2mp3.api.platform.ConversionPlatformStatus.MONGODB_READY;
import static io.video2mp3.api.platform.ConversionPlatformStatus.QUEUES_READY;
import static io.video2mp3.api.platform.ConversionPlatformStatus.RABBITMQ_READY;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.video2mp3.api.platform.ConversionPlatformStatus;
import io.video2mp3.api.platform.MembersStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The platform's status from what a reconcile observed and did. Pure. */
public final class PlatformStatusLogic {

  private PlatformStatusLogic() {
  }

  /**
   * What one reconcile saw: members wanted and ready per StatefulSet, and the outcome of the replica
   * set and topology steps (empty when they did not run because members were not ready).
   */
  public record Observation(int mongodbMembers, int mongodbReady, Optional<StepOutcome> replicaSet,
      int rabbitmqMembers, int rabbitmqReady, Optional<StepOutcome> topology, String connectionSecret) {

    public boolean allReady() {
      return replicaSet.filter(StepOutcome::ready).isPresent() && topology.filter(StepOutcome::ready).isPresent()
          && rabbitmqReady >= rabbitmqMembers;
    }
  }

  public static ConversionPlatformStatus next(ConversionPlatformStatus current, long generation, Instant now,
      Observation seen) {
    ConversionPlatformStatus next = new ConversionPlatformStatus();
    next.setObservedGeneration(generation);
    next.setMongodb(new MembersStatus(seen.mongodbMembers(), seen.mongodbReady()));
    next.setRabbitmq(new MembersStatus(seen.rabbitmqMembers(), seen.rabbitmqReady()));
    next.setConnectionSecret(seen.connectionSecret());
    List<Condition> conditions = new ArrayList<>(current == null || current.getConditions() == null
        ? List.of() : current.getConditions());

    String mongodbMembers = "MongoDB: " + seen.mongodbReady() + " of " + seen.mongodbMembers()
        + " members ready; the replica set steps wait until all " + seen.mongodbMembers() + " pods are ready";
    StepOutcome mongodb = seen.replicaSet()
        .orElse(StepOutcome.notYet("MembersNotReady", mongodbMembers));
    set(conditions, MONGODB_READY, mongodb, generation, now);

    String rabbitmqNodes = "RabbitMQ: " + (seen.rabbitmqReady() >= seen.rabbitmqMembers() ? "" : "cluster forming, ")
        + seen.rabbitmqReady() + " of " + seen.rabbitmqMembers() + " nodes ready";
    set(conditions, RABBITMQ_READY, seen.rabbitmqReady() >= seen.rabbitmqMembers()
        ? StepOutcome.done("NodesReady", rabbitmqNodes)
        : StepOutcome.notYet("NodesNotReady", rabbitmqNodes), generation, now);
    set(conditions, QUEUES_READY, seen.topology()
        .orElse(StepOutcome.notYet("WaitingForRabbitMQ", "waiting for " + rabbitmqNodes)), generation, now);
    next.setConditions(conditions);
    return next;
  }

  /** Sets one condition; its transition time moves only when its status flips, as metav1.Condition requires. */
  static void set(List<Condition> conditions, String type, StepOutcome outcome, long generation, Instant now) {
    String status = outcome.ready() ? "True" : "False";
    Optional<Condition> existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    Condition next = new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(outcome.reason())
        .withMessage(outcome.message())
        .withObservedGeneration(generation)
        .withLastTransitionTime(existing.filter(c -> status.equals(c.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString()))
        .build();
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), next), () -> conditions.add(next));
  }
}
