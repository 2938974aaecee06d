package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.MongoDbSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageChangeTest {

  private static StatefulSet mongodbWith(String storage) {
    return MongoDbResources.statefulSet(TestPlatforms.platform("p",
        new ConversionPlatformSpec(new MongoDbSpec(3, null, storage, null), null, null)));
  }

  @Test
  void theSameSizeInAnotherSpellingIsNoChange() {
    assertThat(StorageChange.pending("spec.mongodb.storage", "10Gi", mongodbWith("10Gi"))).isEmpty();
    assertThat(StorageChange.pending("spec.mongodb.storage", "10240Mi", mongodbWith("10Gi"))).isEmpty();
    assertThat(StorageChange.pending("spec.mongodb.storage", "10Gi", null)).isEmpty();
  }

  @Test
  void aNewSizeSaysWhatToDo() {
    Optional<String> pending = StorageChange.pending("spec.mongodb.storage", "20Gi", mongodbWith("10Gi"));
    assertThat(pending).hasValueSatisfying(m -> assertThat(m)
        .startsWith("spec.mongodb.storage is 20Gi but the volume claims of StatefulSet p-mongodb were made with 10Gi")
        .contains("resize each PVC").contains("--cascade=orphan"));
    StepOutcome outcome = StorageChange.outcome(pending, Optional.of("spec.rabbitmq.storage is 5Gi ..."));
    assertThat(outcome.ready()).as("the condition is True while a change waits").isTrue();
    assertThat(outcome.reason()).isEqualTo(StorageChange.REASON_IMMUTABLE);
    assertThat(outcome.message()).contains("spec.mongodb.storage").contains("; spec.rabbitmq.storage");
    assertThat(StorageChange.outcome(Optional.empty(), Optional.empty()))
        .isEqualTo(StepOutcome.notYet(StorageChange.REASON_APPLIED, "the volume claims have the storage the spec asks for"));
  }
}
