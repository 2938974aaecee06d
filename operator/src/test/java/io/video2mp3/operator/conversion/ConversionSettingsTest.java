package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.ConversionsSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionSettingsTest {

  private static final ConversionSettings ENVIRONMENT = new ConversionSettings(7, "env/converter:1", 600, 5);

  private static ConversionPlatform platform(String name, String created, ConversionsSpec conversions) {
    ConversionPlatform platform = new ConversionPlatform();
    platform.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("media")
        .withCreationTimestamp(created).build());
    platform.setSpec(new ConversionPlatformSpec(null, null, conversions));
    return platform;
  }

  @Test
  void withoutAPlatformTheEnvironmentApplies() {
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of())).isEqualTo(ENVIRONMENT);
  }

  @Test
  void thePlatformsConversionsWin() {
    var platform = platform("p", "2026-11-22T10:00:00Z", new ConversionsSpec(2, "cp/converter:2", 60, 30));
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(platform)))
        .isEqualTo(new ConversionSettings(2, "cp/converter:2", 60, 30));
  }

  @Test
  void fieldsLeftOutTakeTheCrdDefaultsAndTheImageTheEnvironments() {
    var empty = platform("p", "2026-11-22T10:00:00Z", null);
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(empty)))
        .isEqualTo(new ConversionSettings(ConversionsSpec.DEFAULT_MAX_CONCURRENT_JOBS, "env/converter:1",
            ConversionsSpec.DEFAULT_JOB_TTL_SECONDS, 5));
    var partial = platform("p", "2026-11-22T10:00:00Z", new ConversionsSpec(null, " ", 0, null));
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(partial)))
        .isEqualTo(new ConversionSettings(ConversionsSpec.DEFAULT_MAX_CONCURRENT_JOBS, "env/converter:1", 0, 5));
    var noSpec = platform("p", "2026-11-22T10:00:00Z", null);
    noSpec.setSpec(null);
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(noSpec)).maxConcurrentJobs())
        .isEqualTo(ConversionsSpec.DEFAULT_MAX_CONCURRENT_JOBS);
  }

  @Test
  void retentionLeftOutOnThePlatformIsTheEnvironments() {
    var withRetention = platform("p", "2026-11-22T10:00:00Z", new ConversionsSpec(null, null, null, 1));
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(withRetention)).retentionDays()).isEqualTo(1);
    var without = platform("p", "2026-11-22T10:00:00Z", new ConversionsSpec(3, null, null, null));
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(without)).retentionDays()).isEqualTo(5);
    var keepForever = new ConversionSettings(7, "env/converter:1", 600, 0);
    assertThat(ConversionSettings.resolve(keepForever, List.of(without)).retentionDays()).isZero();
    assertThat(ConversionSettings.resolve(keepForever, List.of(withRetention)).retentionDays()).isEqualTo(1);
  }

  @Test
  void ofSeveralPlatformsTheOldestCountsThenTheFirstByName() {
    var older = platform("z", "2026-11-22T10:00:00Z", new ConversionsSpec(1, null, null, null));
    var newer = platform("a", "2026-11-22T10:00:05Z", new ConversionsSpec(9, null, null, null));
    var tie = platform("b", "2026-11-22T10:00:00Z", new ConversionsSpec(3, null, null, null));
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(newer, older)).maxConcurrentJobs()).isEqualTo(1);
    assertThat(ConversionSettings.resolve(ENVIRONMENT, List.of(newer, tie, older)).maxConcurrentJobs()).isEqualTo(3);
  }
}
