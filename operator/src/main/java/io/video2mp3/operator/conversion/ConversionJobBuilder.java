package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.AudioFormat;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds the one Job of a conversion. Pure: the same conversion and settings give the same Job.
 * What every Job shares comes from {@link JobSettings}; the image and the TTL from the namespace's
 * {@link ConversionSettings}.
 */
public final class ConversionJobBuilder {

  public static final String CONTAINER_NAME = "converter";
  public static final String SCRATCH_VOLUME = "scratch";
  public static final String SCRATCH_PATH = "/scratch";
  public static final String TERMINATION_LOG = "/dev/termination-log";
  public static final long RUN_AS_USER = 10001L;
  public static final int EXIT_NOT_CONVERTIBLE = 2;
  static final String JOB_SUFFIX = "-convert";
  /**
   * The converter's launch, for a short-lived JVM (docs/benchmarks.md, "Converter fixed cost"): the
   * image's unpacked classpath and AppCDS archive (hack/images/converter-layout.sh) instead of Spring
   * Boot's nested-jar launcher, C1 only and the serial collector (a conversion's Java side runs for
   * seconds and allocates little), no perf-data file.
   */
  static final List<String> CONVERTER_COMMAND = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-XX:-UsePerfData", "-XX:SharedArchiveFile=/app/operator/converter.jsa",
      "-cp", "/app/operator/app.jar:/app/operator/lib/*", "io.video2mp3.operator.Main", "convert");
  private static final int MAX_NAME = 63;

  private final JobSettings settings;

  public ConversionJobBuilder(JobSettings settings) {
    this.settings = settings;
  }

  /**
   * {@code <name>-convert}; names too long for a Job (whose pods carry it in a 63-character label)
   * are cut and made unique again with a short hash of the full name.
   */
  public static String jobName(String conversionName) {
    String name = conversionName + JOB_SUFFIX;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = sha256(conversionName).substring(0, 8);
    String head = conversionName.substring(0, MAX_NAME - JOB_SUFFIX.length() - hash.length() - 1)
        .replaceAll("[-.]+$", "");
    return head + "-" + hash + JOB_SUFFIX;
  }

  /**
   * {@code request}: the source and output admitted ({@link VideoConversion#request()}); the spec gives
   * the timeout and retries. A request without a source is refused, never half-built.
   */
  public Job build(VideoConversion conversion, AdmittedRequest request, ConversionSettings effective) {
    if (request.source() == null) {
      throw new IllegalArgumentException("conversion " + conversion.getMetadata().getName() + " has no source");
    }
    var meta = conversion.getMetadata();
    var spec = conversion.getSpec();
    Map<String, String> labels = ConversionLabels.forConversion(meta.getName());
    return new JobBuilder()
        .withNewMetadata()
          .withName(jobName(meta.getName()))
          .withNamespace(meta.getNamespace())
          .withLabels(labels)
          .withOwnerReferences(new OwnerReferenceBuilder()
              .withApiVersion(conversion.getApiVersion())
              .withKind(conversion.getKind())
              .withName(meta.getName())
              .withUid(meta.getUid())
              .withController(true)
              .withBlockOwnerDeletion(true)
              .build())
        .endMetadata()
        .withNewSpec()
          .withBackoffLimit(spec.effectiveRetries())
          .withActiveDeadlineSeconds((long) spec.effectiveTimeoutSeconds())
          .withTtlSecondsAfterFinished(effective.jobTtlSecondsAfterFinished())
          .withNewPodFailurePolicy()
            // Exit 2 means the input can never become audio: fail now, do not retry.
            .addNewRule()
              .withAction("FailJob")
              .withNewOnExitCodes()
                .withContainerName(CONTAINER_NAME)
                .withOperator("In")
                .withValues(EXIT_NOT_CONVERTIBLE)
              .endOnExitCodes()
            .endRule()
            // Evictions and preemptions are not the converter's fault: they do not count as attempts.
            .addNewRule()
              .withAction("Ignore")
              .addNewOnPodCondition()
                .withType("DisruptionTarget")
                .withStatus("True")
              .endOnPodCondition()
            .endRule()
          .endPodFailurePolicy()
          .withNewTemplate()
            .withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .withAutomountServiceAccountToken(false)
              .withEnableServiceLinks(false)
              .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withRunAsGroup(RUN_AS_USER)
                .withFsGroup(RUN_AS_USER)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
              .endSecurityContext()
              .addNewVolume()
                .withName(SCRATCH_VOLUME)
                .withNewEmptyDir().withSizeLimit(new Quantity(settings.scratchSizeLimit())).endEmptyDir()
              .endVolume()
              .addNewContainer()
                .withName(CONTAINER_NAME)
                .withImage(effective.converterImage())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withCommand(CONVERTER_COMMAND)
                .withEnv(env(conversion, request))
                .withTerminationMessagePath(TERMINATION_LOG)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .addNewVolumeMount().withName(SCRATCH_VOLUME).withMountPath(SCRATCH_PATH).endVolumeMount()
                .withNewResources()
                  .addToRequests("cpu", new Quantity(settings.cpuRequest()))
                  .addToRequests("memory", new Quantity(settings.memoryRequest()))
                  .addToLimits("cpu", new Quantity(settings.cpuLimit()))
                  .addToLimits("memory", new Quantity(settings.memoryLimit()))
                .endResources()
                .withNewSecurityContext()
                  .withRunAsNonRoot(true)
                  .withRunAsUser(RUN_AS_USER)
                  .withReadOnlyRootFilesystem(true)
                  .withAllowPrivilegeEscalation(false)
                  .withNewCapabilities().withDrop("ALL").endCapabilities()
                  .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** The converter contract's environment (see the conventions' converter section). */
  private List<EnvVar> env(VideoConversion conversion, AdmittedRequest request) {
    var meta = conversion.getMetadata();
    Source source = request.source();
    OutputSpec output = request.output();
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("MONGODB_URI").withNewValueFrom().withNewSecretKeyRef()
        .withName(settings.mongoSecretName()).withKey(settings.mongoSecretKey()).withOptional(false)
        .endSecretKeyRef().endValueFrom().build());
    env.add(plain("CONVERSION_NAMESPACE", meta.getNamespace()));
    env.add(plain("CONVERSION_NAME", meta.getName()));
    env.add(plain("CONVERSION_UID", meta.getUid()));
    if (source.isUpload()) {
      env.add(plain("SOURCE_FILE_ID", source.fileId()));
    } else {
      env.add(plain("SOURCE_URL", source.url()));
    }
    if (source.filename() != null) {
      env.add(plain("SOURCE_FILENAME", source.filename()));
    }
    AudioFormat format = output == null || output.format() == null ? AudioFormat.MP3 : output.format();
    String bitrate = output == null || output.bitrate() == null ? OutputSpec.DEFAULT_BITRATE : output.bitrate();
    env.add(plain("OUTPUT_FORMAT", format.extension()));
    env.add(plain("OUTPUT_BITRATE", bitrate));
    env.add(plain("TERMINATION_LOG", TERMINATION_LOG));
    env.add(plain("SCRATCH_DIR", SCRATCH_PATH));
    // The JVM writes its temp files to the only writable place (the root filesystem is read-only).
    env.add(plain("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + SCRATCH_PATH));
    return env;
  }

  private static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
