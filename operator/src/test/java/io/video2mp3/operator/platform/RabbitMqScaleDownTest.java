package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.RabbitMqSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RabbitMqScaleDownTest {

  private static StatefulSet running(int nodes) {
    return RabbitMqResources.statefulSet(TestPlatforms.platform("p",
        new ConversionPlatformSpec(null, new RabbitMqSpec(nodes, null, null, null), null)));
  }

  @Test
  void growingOrKeepingTheNodeCountIsNoScaleDown() {
    assertThat(RabbitMqScaleDown.refused(5, running(3))).isEmpty();
    assertThat(RabbitMqScaleDown.refused(3, running(3))).isEmpty();
    assertThat(RabbitMqScaleDown.refused(3, null)).as("nothing runs yet").isEmpty();
    assertThat(RabbitMqScaleDown.replicas(5, running(3))).isEqualTo(5);
    assertThat(RabbitMqScaleDown.replicas(1, null)).isEqualTo(1);
    assertThat(RabbitMqScaleDown.outcome(Optional.empty()))
        .isEqualTo(StepOutcome.notYet(RabbitMqScaleDown.REASON_NONE, "spec.rabbitmq.replicas does not remove nodes"));
  }

  @Test
  void aScaleDownKeepsTheRunningNodesAndSaysWhyAndWhatToDo() {
    assertThat(RabbitMqScaleDown.replicas(1, running(3))).isEqualTo(3);
    Optional<String> refusal = RabbitMqScaleDown.refused(1, running(3));
    assertThat(refusal).hasValueSatisfying(m -> assertThat(m)
        .startsWith("spec.rabbitmq.replicas is 1 but StatefulSet p-rabbitmq runs 3 nodes")
        .contains("quorum queue members").contains("set spec.rabbitmq.replicas back to 3"));
    StepOutcome outcome = RabbitMqScaleDown.outcome(refusal);
    assertThat(outcome.ready()).as("the condition is True while a scale-down is refused").isTrue();
    assertThat(outcome.reason()).isEqualTo(RabbitMqScaleDown.REASON_REFUSED);
  }
}
