package io.video2mp3.operator;

import io.fabric8.kubernetes.api.model.Quantity;
import io.video2mp3.operator.conversion.ConversionSettings;
import io.video2mp3.operator.conversion.JobSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, read from the environment with documented defaults and validated at
 * start-up so that a typo fails fast with a message naming the variable.
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String mongoUri,
    String rabbitUri,
    int maxConcurrentJobs,
    int retentionDays,
    JobSettings job,
    int healthPort,
    String healthAddress,
    boolean leaderElection,
    String leaderElectionNamespace,
    boolean intakeEnabled,
    SweepSettings orphanSweep) {

  public static final String DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27017/video2mp3";
  public static final String DEFAULT_RABBITMQ_URI = "amqp://guest:guest@127.0.0.1:5672";
  public static final String DEFAULT_CONVERTER_IMAGE = "video2mp3/operator:latest";
  public static final int DEFAULT_MAX_CONCURRENT_JOBS = 4;
  public static final int DEFAULT_HEALTH_PORT = 8081;
  /** As the notifier's RETENTION_DAYS, whose mail promises the MP3 for that long. */
  public static final int DEFAULT_RETENTION_DAYS = 7;

  /** Reads and validates; throws {@link IllegalArgumentException} listing every bad variable. */
  public static OperatorSettings fromEnv(Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    Reader r = new Reader(env, errors);
    Set<String> namespaces = Arrays.stream(r.text("WATCH_NAMESPACES", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    String mongo = r.text("MONGODB_URI", DEFAULT_MONGODB_URI);
    if (!mongo.startsWith("mongodb://") && !mongo.startsWith("mongodb+srv://")) {
      errors.add("MONGODB_URI must start with mongodb:// or mongodb+srv://");
    }
    String rabbit = r.text("RABBITMQ_URI", DEFAULT_RABBITMQ_URI);
    if (!rabbit.startsWith("amqp://") && !rabbit.startsWith("amqps://")) {
      errors.add("RABBITMQ_URI must start with amqp:// or amqps://");
    }
    int max = r.integer("MAX_CONCURRENT_JOBS", DEFAULT_MAX_CONCURRENT_JOBS, 1, 10_000);
    // 0: finished conversions are never deleted by the operator.
    int retention = r.integer("RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 0, 36_500);
    JobSettings job = new JobSettings(
        r.text("CONVERTER_IMAGE", DEFAULT_CONVERTER_IMAGE),
        r.text("CONVERTER_IMAGE_PULL_POLICY", "IfNotPresent"),
        r.text("JOB_MONGODB_SECRET", "video2mp3-mongodb"),
        r.text("JOB_MONGODB_SECRET_KEY", "MONGODB_URI"),
        r.quantity("JOB_CPU_REQUEST", "250m"),
        r.quantity("JOB_MEMORY_REQUEST", "256Mi"),
        r.quantity("JOB_CPU_LIMIT", "2"),
        r.quantity("JOB_MEMORY_LIMIT", "1Gi"),
        r.integer("JOB_TTL_SECONDS_AFTER_FINISHED", 3600, 0, 31_536_000),
        r.quantity("JOB_SCRATCH_SIZE_LIMIT", "2Gi"));
    int port = r.integer("HEALTH_PORT", DEFAULT_HEALTH_PORT, 0, 65_535);
    // Empty: every interface, as the kubelet probes the pod's address; local mode sets 127.0.0.1.
    String healthAddress = r.text("HEALTH_ADDRESS", "");
    String leNamespace = r.text("LEADER_ELECTION_NAMESPACE", "");
    // In a cluster several replicas may run, so leader election is on unless switched off.
    boolean inCluster = env.get("KUBERNETES_SERVICE_HOST") != null;
    boolean leader = r.bool("LEADER_ELECTION_ENABLED", inCluster || !leNamespace.isEmpty());
    boolean intake = r.bool("INTAKE_ENABLED", true);
    SweepSettings sweep = new SweepSettings(
        r.duration("ORPHAN_SWEEP_INTERVAL", Duration.ofMinutes(10)),
        r.duration("ORPHAN_GRACE", Duration.ofHours(1)),
        r.integer("ORPHAN_SWEEP_MAX_FILES", 200, 1, 100_000));
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid operator settings: " + String.join("; ", errors));
    }
    return new OperatorSettings(namespaces, mongo, rabbit, max, retention, job, port, healthAddress, leader,
        leNamespace.isEmpty() ? null : leNamespace, intake, sweep);
  }

  /** Conversion settings of a namespace without a ConversionPlatform: MAX_CONCURRENT_JOBS is per namespace. */
  public ConversionSettings conversionDefaults() {
    return new ConversionSettings(maxConcurrentJobs, job.image(), job.ttlSecondsAfterFinished(), retentionDays);
  }

  public boolean watchAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /**
   * The orphan sweeper: how often it runs, how long a file must have gone unwritten before it counts as
   * abandoned (longer than any upload or conversion stalls), and how many files one pass looks at per bucket.
   */
  public record SweepSettings(Duration interval, Duration grace, int maxFilesPerSweep) {
  }

  private record Reader(Map<String, String> env, List<String> errors) {

    String text(String name, String defaultValue) {
      String value = env.get(name);
      return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    int integer(String name, int defaultValue, int min, int max) {
      String value = text(name, null);
      if (value == null) {
        return defaultValue;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < min || parsed > max) {
          errors.add(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return parsed;
      } catch (NumberFormatException e) {
        errors.add(name + " must be an integer, was '" + value + "'");
        return defaultValue;
      }
    }

    /** A duration such as 90s, 10m, 1h or 2d. */
    Duration duration(String name, Duration defaultValue) {
      String value = text(name, null);
      if (value == null) {
        return defaultValue;
      }
      var match = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)").matcher(value);
      if (!match.matches() || Long.parseLong(match.group(1)) == 0) {
        errors.add(name + " must be a positive duration such as 90s, 10m, 1h or 2d, was '" + value + "'");
        return defaultValue;
      }
      long amount = Long.parseLong(match.group(1));
      return switch (match.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }

    boolean bool(String name, boolean defaultValue) {
      String value = text(name, null);
      if (value == null) {
        return defaultValue;
      }
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      errors.add(name + " must be true or false, was '" + value + "'");
      return defaultValue;
    }

    String quantity(String name, String defaultValue) {
      String value = text(name, defaultValue);
      try {
        Quantity.getAmountInBytes(new Quantity(value));
        return value;
      } catch (IllegalArgumentException e) {
        errors.add(name + " must be a Kubernetes quantity such as 500m or 1Gi, was '" + value + "'");
        return defaultValue;
      }
    }
  }
}
