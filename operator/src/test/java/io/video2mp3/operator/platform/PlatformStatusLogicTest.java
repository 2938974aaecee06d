package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.video2mp3.api.platform.ConversionPlatformStatus;
import io.video2mp3.api.platform.MembersStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformStatusLogicTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-22T10:05:00Z");

  @Test
  void membersNotReadyYetSaySoAndStepsWait() {
    var seen = new PlatformStatusLogic.Observation(3, 2, Optional.empty(), 3, 1, Optional.empty(), "p-connection");
    ConversionPlatformStatus status = PlatformStatusLogic.next(null, 4, T0, seen);
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
    assertThat(status.getMongodb()).isEqualTo(new MembersStatus(3, 2));
    assertThat(status.getRabbitmq()).isEqualTo(new MembersStatus(3, 1));
    assertThat(status.getConnectionSecret()).isEqualTo("p-connection");
    assertCondition(status, "MongoDBReady", "False", "MembersNotReady", "MongoDB: 2 of 3 members ready"
        + "; the replica set steps wait until all 3 pods are ready");
    assertCondition(status, "RabbitMQReady", "False", "NodesNotReady", "RabbitMQ: cluster forming, 1 of 3 nodes ready");
    assertCondition(status, "QueuesReady", "False", "WaitingForRabbitMQ",
        "waiting for RabbitMQ: cluster forming, 1 of 3 nodes ready");
    assertThat(seen.allReady()).isFalse();
  }

  @Test
  void stepOutcomesBecomeTheConditions() {
    var seen = new PlatformStatusLogic.Observation(3, 3,
        Optional.of(StepOutcome.notYet("MemberUnreachable", "MongoDB member m-0:27017 is not reachable")), 3, 3,
        Optional.of(StepOutcome.done("TopologyDeclared", "declared")), "p-connection");
    ConversionPlatformStatus status = PlatformStatusLogic.next(null, 1, T0, seen);
    assertCondition(status, "MongoDBReady", "False", "MemberUnreachable", "MongoDB member m-0:27017 is not reachable");
    assertCondition(status, "RabbitMQReady", "True", "NodesReady", "RabbitMQ: 3 of 3 nodes ready");
    assertCondition(status, "QueuesReady", "True", "TopologyDeclared", "declared");
    assertThat(seen.allReady()).isFalse();
  }

  @Test
  void transitionTimesMoveOnlyWhenTheStatusFlips() {
    var waiting = new PlatformStatusLogic.Observation(1, 0, Optional.empty(), 1, 0, Optional.empty(), "c");
    ConversionPlatformStatus first = PlatformStatusLogic.next(null, 1, T0, waiting);
    var stillWaiting = new PlatformStatusLogic.Observation(1, 0, Optional.empty(), 1, 1,
        Optional.of(StepOutcome.done("TopologyDeclared", "ok")), "c");
    ConversionPlatformStatus second = PlatformStatusLogic.next(first, 1, T1, stillWaiting);
    assertThat(condition(second, "MongoDBReady").getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(condition(second, "QueuesReady").getLastTransitionTime()).isEqualTo("2026-11-22T10:05:00Z");
    assertThat(second.getConditions()).extracting(Condition::getType)
        .containsExactly("MongoDBReady", "RabbitMQReady", "QueuesReady");
  }

  @Test
  void allReadyNeedsBothSteps() {
    var ready = new PlatformStatusLogic.Observation(1, 1, Optional.of(StepOutcome.done("ReplicaSetReady", "1/1")),
        1, 1, Optional.of(StepOutcome.done("TopologyDeclared", "ok")), "c");
    assertThat(ready.allReady()).isTrue();
    assertCondition(PlatformStatusLogic.next(null, 2, T0, ready), "MongoDBReady", "True", "ReplicaSetReady", "1/1");
  }

  private static void assertCondition(ConversionPlatformStatus status, String type, String value, String reason,
      String message) {
    Condition condition = condition(status, type);
    assertThat(condition.getStatus()).as(type).isEqualTo(value);
    assertThat(condition.getReason()).as(type).isEqualTo(reason);
    assertThat(condition.getMessage()).as(type).isEqualTo(message);
    assertThat(condition.getObservedGeneration()).as(type).isEqualTo(status.getObservedGeneration());
  }

  private static Condition condition(ConversionPlatformStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }
}
