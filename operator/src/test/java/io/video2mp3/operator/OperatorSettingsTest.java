package io.video2mp3.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void defaults() {
    OperatorSettings s = OperatorSettings.fromEnv(Map.of());
    assertThat(s.watchAllNamespaces()).isTrue();
    assertThat(s.maxConcurrentJobs()).isEqualTo(4);
    assertThat(s.healthPort()).isEqualTo(8081);
    assertThat(s.healthAddress()).as("every interface, for the kubelet's probes").isEmpty();
    assertThat(s.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017/video2mp3");
    assertThat(s.rabbitUri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
    assertThat(s.job().mongoSecretKey()).isEqualTo("MONGODB_URI");
    assertThat(s.leaderElection()).isFalse();
    assertThat(s.retentionDays()).isEqualTo(7);
    assertThat(s.conversionDefaults().retentionDays()).isEqualTo(7);
  }

  @Test
  void retentionDaysZeroKeepsForever() {
    assertThat(OperatorSettings.fromEnv(Map.of("RETENTION_DAYS", "0")).conversionDefaults().retentionDays()).isZero();
    assertThat(OperatorSettings.fromEnv(Map.of("RETENTION_DAYS", "30")).retentionDays()).isEqualTo(30);
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("RETENTION_DAYS", "-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETENTION_DAYS");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("RETENTION_DAYS", "a week")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETENTION_DAYS");
  }

  @Test
  void orphanSweepSettings() {
    assertThat(OperatorSettings.fromEnv(Map.of()).orphanSweep())
        .isEqualTo(new OperatorSettings.SweepSettings(Duration.ofMinutes(10), Duration.ofHours(1), 200));
    assertThat(OperatorSettings.fromEnv(Map.of("ORPHAN_SWEEP_INTERVAL", "90s", "ORPHAN_GRACE", "2d",
        "ORPHAN_SWEEP_MAX_FILES", "5")).orphanSweep())
        .isEqualTo(new OperatorSettings.SweepSettings(Duration.ofSeconds(90), Duration.ofDays(2), 5));
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("ORPHAN_GRACE", "0s", "ORPHAN_SWEEP_INTERVAL", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORPHAN_GRACE")
        .hasMessageContaining("ORPHAN_SWEEP_INTERVAL");
  }

  @Test
  void readsEverything() {
    OperatorSettings s = OperatorSettings.fromEnv(Map.ofEntries(
        Map.entry("WATCH_NAMESPACES", "a, b"), Map.entry("MAX_CONCURRENT_JOBS", "7"),
        Map.entry("CONVERTER_IMAGE", "img:1"), Map.entry("JOB_MONGODB_SECRET", "sec"),
        Map.entry("JOB_MONGODB_SECRET_KEY", "uri"), Map.entry("JOB_CPU_REQUEST", "1"),
        Map.entry("JOB_MEMORY_LIMIT", "2Gi"), Map.entry("JOB_TTL_SECONDS_AFTER_FINISHED", "60"),
        Map.entry("HEALTH_PORT", "9000"), Map.entry("HEALTH_ADDRESS", "127.0.0.1"),
        Map.entry("LEADER_ELECTION_NAMESPACE", "ops"),
        Map.entry("KUBERNETES_SERVICE_HOST", "10.0.0.1")));
    assertThat(s.watchNamespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(s.maxConcurrentJobs()).isEqualTo(7);
    assertThat(s.job().image()).isEqualTo("img:1");
    assertThat(s.job().mongoSecretName()).isEqualTo("sec");
    assertThat(s.job().mongoSecretKey()).isEqualTo("uri");
    assertThat(s.job().cpuRequest()).isEqualTo("1");
    assertThat(s.job().memoryLimit()).isEqualTo("2Gi");
    assertThat(s.job().ttlSecondsAfterFinished()).isEqualTo(60);
    assertThat(s.healthPort()).isEqualTo(9000);
    assertThat(s.healthAddress()).isEqualTo("127.0.0.1");
    assertThat(s.leaderElection()).isTrue();
    assertThat(s.leaderElectionNamespace()).isEqualTo("ops");
  }

  @Test
  void reportsEveryBadVariable() {
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of("MAX_CONCURRENT_JOBS", "zero", "HEALTH_PORT", "70000",
        "MONGODB_URI", "http://x", "JOB_CPU_LIMIT", "lots", "LEADER_ELECTION_ENABLED", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_CONCURRENT_JOBS").hasMessageContaining("HEALTH_PORT")
        .hasMessageContaining("MONGODB_URI").hasMessageContaining("JOB_CPU_LIMIT")
        .hasMessageContaining("LEADER_ELECTION_ENABLED");
  }
}
