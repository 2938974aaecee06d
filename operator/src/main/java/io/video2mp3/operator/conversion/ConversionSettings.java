package io.video2mp3.operator.conversion;

import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.ConversionsSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * How the conversions of one namespace run: how many Jobs at once, with which image, kept how long
 * once finished (the Job: {@code jobTtlSecondsAfterFinished}; the conversion and its files:
 * {@code retentionDays}, 0 for ever). The namespace's ConversionPlatform ({@code spec.conversions},
 * with the CRD's defaults) wins; without one, the operator's environment ({@code MAX_CONCURRENT_JOBS},
 * {@code CONVERTER_IMAGE}, {@code JOB_TTL_SECONDS_AFTER_FINISHED}, {@code RETENTION_DAYS}) applies. Pure.
 */
public record ConversionSettings(int maxConcurrentJobs, String converterImage, int jobTtlSecondsAfterFinished,
    int retentionDays) {

  /** One platform per namespace is the rule; should there be more, the oldest (then the first by name) counts. */
  static final Comparator<ConversionPlatform> FIRST_PLATFORM = Comparator
      .comparing((ConversionPlatform p) -> p.getMetadata().getCreationTimestamp(),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(p -> p.getMetadata().getName());

  public ConversionSettings {
    Objects.requireNonNull(converterImage, "converterImage");
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must not be negative, was " + retentionDays);
    }
  }

  /**
   * The settings of a namespace whose ConversionPlatforms are {@code platforms} (usually none or
   * one), given the environment's. The platform's {@code converterImage} falls back to the
   * environment's image, as the CRD documents, and its {@code retentionDays} (no CRD default) to
   * the environment's {@code RETENTION_DAYS}; the other fields have CRD defaults.
   */
  public static ConversionSettings resolve(ConversionSettings environment, Collection<ConversionPlatform> platforms) {
    Optional<ConversionsSpec> conversions = platforms.stream()
        .filter(p -> p.getMetadata() != null)
        .min(FIRST_PLATFORM)
        .map(p -> Objects.requireNonNullElseGet(p.getSpec(), ConversionPlatformSpec::new).conversionsOrDefaults());
    return conversions.map(c -> new ConversionSettings(c.maxConcurrentJobs(),
            c.converterImage() == null || c.converterImage().isBlank() ? environment.converterImage() : c.converterImage(),
            c.jobTTLSecondsAfterFinished(),
            c.retentionDays() == null ? environment.retentionDays() : c.retentionDays()))
        .orElse(environment);
  }
}
