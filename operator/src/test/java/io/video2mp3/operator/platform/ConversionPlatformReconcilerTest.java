package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.MongoDbSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversionPlatformReconcilerTest {

  private static Optional<StatefulSet> running(int pods) {
    return Optional.of(MongoDbResources.statefulSet(TestPlatforms.platform("p",
        new ConversionPlatformSpec(new MongoDbSpec(pods, null, null, null), null, null))));
  }

  private static Optional<ReplicaSetManager.Result> configured(int members) {
    return Optional.of(new ReplicaSetManager.Result(StepOutcome.notYet("Reconfigured", "..."), Optional.of(members)));
  }

  @Test
  void aScaleUpStartsThePodsBeforeTheMembersAreAdded() {
    assertThat(ConversionPlatformReconciler.mongodbPods(5, running(3), Optional.empty())).isEqualTo(5);
    assertThat(ConversionPlatformReconciler.mongodbPods(3, Optional.empty(), Optional.empty())).isEqualTo(3);
  }

  @Test
  void aScaleDownRemovesAPodOnlyAfterItsMemberLeftTheConfig() {
    assertThat(ConversionPlatformReconciler.mongodbPods(3, running(5), configured(5))).isEqualTo(5);
    assertThat(ConversionPlatformReconciler.mongodbPods(3, running(5), configured(4))).isEqualTo(4);
    assertThat(ConversionPlatformReconciler.mongodbPods(3, running(4), configured(3))).isEqualTo(3);
  }

  @Test
  void anUnreadableConfigRemovesNoPod() {
    var unreachable = Optional.of(new ReplicaSetManager.Result(StepOutcome.notYet("MemberUnreachable", "..."),
        Optional.empty()));
    assertThat(ConversionPlatformReconciler.mongodbPods(3, running(5), unreachable)).isEqualTo(5);
    assertThat(ConversionPlatformReconciler.mongodbPods(3, running(5), Optional.empty())).isEqualTo(5);
  }
}
