package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConversionJobBuilderTest {

  private final ConversionJobBuilder builder = new ConversionJobBuilder(TestConversions.JOB_SETTINGS);
  private final VideoConversion conversion = TestConversions.upload("vc-665f00000000000000000001", "665f00000000000000000001");

  @Test
  void jobMetadataNamesAndOwnsTheConversion() {
    Job job = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS);
    assertThat(job.getMetadata().getName()).isEqualTo("vc-665f00000000000000000001-convert");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("media");
    assertThat(job.getMetadata().getLabels())
        .containsEntry("video2mp3.io/conversion", "vc-665f00000000000000000001")
        .containsEntry("app.kubernetes.io/managed-by", "video2mp3-operator")
        .containsEntry("app.kubernetes.io/name", "video2mp3-converter")
        .containsEntry("app.kubernetes.io/part-of", "video2mp3")
        .containsKeys("app.kubernetes.io/instance", "app.kubernetes.io/component");
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(job.getMetadata().getLabels());
    var owner = job.getMetadata().getOwnerReferences();
    assertThat(owner).hasSize(1);
    assertThat(owner.get(0).getController()).isTrue();
    assertThat(owner.get(0).getBlockOwnerDeletion()).isTrue();
    assertThat(owner.get(0).getKind()).isEqualTo("VideoConversion");
    assertThat(owner.get(0).getApiVersion()).isEqualTo("video2mp3.io/v1alpha1");
    assertThat(owner.get(0).getUid()).isEqualTo("uid-vc-665f00000000000000000001");
    assertThat(owner.get(0).getName()).isEqualTo("vc-665f00000000000000000001");
  }

  @Test
  void jobSpecFollowsTheConversion() {
    Job job = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900L);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
    List<PodFailurePolicyRule> rules = job.getSpec().getPodFailurePolicy().getRules();
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).getAction()).isEqualTo("FailJob");
    assertThat(rules.get(0).getOnExitCodes().getContainerName()).isEqualTo("converter");
    assertThat(rules.get(0).getOnExitCodes().getOperator()).isEqualTo("In");
    assertThat(rules.get(0).getOnExitCodes().getValues()).containsExactly(2);
    assertThat(rules.get(1).getAction()).isEqualTo("Ignore");
    assertThat(rules.get(1).getOnPodConditions()).singleElement()
        .satisfies(c -> {
          assertThat(c.getType()).isEqualTo("DisruptionTarget");
          assertThat(c.getStatus()).isEqualTo("True");
        });
  }

  @Test
  void defaultsApplyWhenTheSpecLeavesThemOut() {
    conversion.getSpec().setRetries(null);
    conversion.getSpec().setTimeoutSeconds(null);
    Job job = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600L);
  }

  @Test
  void podIsLockedDown() {
    PodSpec pod = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS).getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("scratch");
      assertThat(v.getEmptyDir()).isNotNull();
      assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("2Gi"));
    });
    Container container = pod.getContainers().get(0);
    assertThat(pod.getContainers()).hasSize(1);
    var sc = container.getSecurityContext();
    assertThat(sc.getRunAsNonRoot()).isTrue();
    assertThat(sc.getRunAsUser()).isEqualTo(10001L);
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getName()).isEqualTo("scratch");
      assertThat(m.getMountPath()).isEqualTo("/scratch");
    });
  }

  @Test
  void containerRunsTheConverterWithResources() {
    Container container = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getName()).isEqualTo("converter");
    assertThat(container.getImage()).isEqualTo("registry/video2mp3-operator:1.0");
    assertThat(container.getCommand()).containsExactly("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:-UsePerfData", "-XX:SharedArchiveFile=/app/operator/converter.jsa",
        "-cp", "/app/operator/app.jar:/app/operator/lib/*", "io.video2mp3.operator.Main", "convert");
    assertThat(container.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(container.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("256Mi"));
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("1Gi"));
  }

  @Test
  void imageAndTtlComeFromTheNamespacesSettings() {
    Job job = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), new ConversionSettings(2, "registry/converter:2.0", 120, 7));
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(120);
    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("registry/converter:2.0");
    assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void environmentFollowsTheConverterContract() {
    Container container = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS).getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, String> plain = container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(plain)
        .containsEntry("CONVERSION_NAMESPACE", "media")
        .containsEntry("CONVERSION_NAME", "vc-665f00000000000000000001")
        .containsEntry("CONVERSION_UID", "uid-vc-665f00000000000000000001")
        .containsEntry("SOURCE_FILE_ID", "665f00000000000000000001")
        .containsEntry("SOURCE_FILENAME", "talk.mp4")
        .containsEntry("OUTPUT_FORMAT", "mp3")
        .containsEntry("OUTPUT_BITRATE", "128k")
        .containsEntry("TERMINATION_LOG", "/dev/termination-log")
        .containsEntry("SCRATCH_DIR", "/scratch")
        .doesNotContainKey("SOURCE_URL");
    EnvVar mongo = container.getEnv().stream().filter(e -> e.getName().equals("MONGODB_URI")).findFirst().orElseThrow();
    assertThat(mongo.getValue()).isNull();
    assertThat(mongo.getValueFrom().getSecretKeyRef().getName()).isEqualTo("mongo-secret");
    assertThat(mongo.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("MONGODB_URI");
  }

  @Test
  void urlSourcesPassTheUrl() {
    conversion.getSpec().setSource(Source.url("https://example.com/a.mp4", null));
    Container container = builder.build(conversion, AdmittedRequest.of(conversion.getSpec()), TestConversions.SETTINGS).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getEnv()).extracting(EnvVar::getName)
        .contains("SOURCE_URL").doesNotContain("SOURCE_FILE_ID", "SOURCE_FILENAME");
  }

  @Test
  void jobNamesAreDeterministicAndShortEnough() {
    assertThat(ConversionJobBuilder.jobName("a")).isEqualTo("a-convert");
    String longName = "x".repeat(100);
    String jobName = ConversionJobBuilder.jobName(longName);
    assertThat(jobName).hasSizeLessThanOrEqualTo(63).endsWith("-convert").isEqualTo(ConversionJobBuilder.jobName(longName));
    assertThat(jobName).isNotEqualTo(ConversionJobBuilder.jobName("x".repeat(99) + "y"));
    assertThat(ConversionJobBuilder.jobName("b".repeat(55))).hasSize(63);
    assertThat(ConversionJobBuilder.jobName("b".repeat(56))).hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void longConversionNamesGiveValidLabels() {
    VideoConversion longOne = TestConversions.upload("y".repeat(80), "665f00000000000000000001");
    Job job = builder.build(longOne, AdmittedRequest.of(longOne.getSpec()), TestConversions.SETTINGS);
    assertThat(job.getMetadata().getLabels().values()).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(63));
  }

  @Test
  void theJobConvertsWhatWasAdmittedNotWhatTheSpecSaysNow() {
    AdmittedRequest admitted = new AdmittedRequest(Source.url("https://example.com/admitted.mp4", null),
        OutputSpec.mp3("96k"), new Owner("alice", "alice@example.com"));
    Map<String, String> env = builder.build(conversion, admitted, TestConversions.SETTINGS).getSpec().getTemplate()
        .getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env).containsEntry("SOURCE_URL", "https://example.com/admitted.mp4").containsEntry("OUTPUT_BITRATE", "96k")
        .doesNotContainKey("SOURCE_FILE_ID");
  }

  @Test
  void aRequestWithoutASourceIsRefusedNotHalfBuilt() {
    assertThatThrownBy(() -> builder.build(conversion, new AdmittedRequest(null, null, null), TestConversions.SETTINGS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no source");
  }
}
