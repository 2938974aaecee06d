package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/** How conversions run on this platform. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionsSpec(
    @Min(1)
    @Max(10000)
    @Default("4")
    @JsonPropertyDescription("Conversion Jobs running at once; the others wait, first come first served.")
    Integer maxConcurrentJobs,
    @JsonPropertyDescription("Image of the conversion Jobs; the operator's CONVERTER_IMAGE when left out.")
    String converterImage,
    @Min(0)
    @Default("3600")
    @JsonPropertyDescription("Seconds a finished conversion Job is kept before Kubernetes deletes it.")
    Integer jobTTLSecondsAfterFinished,
    @Min(1)
    @JsonPropertyDescription("Days finished (and notified) conversions and their files are kept before the operator deletes them; when left out, the operator's RETENTION_DAYS (default 7, 0 = forever).")
    Integer retentionDays) {

  public static final int DEFAULT_MAX_CONCURRENT_JOBS = 4;
  public static final int DEFAULT_JOB_TTL_SECONDS = 3600;
  static final ConversionsSpec DEFAULTS = new ConversionsSpec(null, null, null, null);

  public ConversionsSpec withDefaults() {
    return new ConversionsSpec(Objects.requireNonNullElse(maxConcurrentJobs, DEFAULT_MAX_CONCURRENT_JOBS),
        converterImage, Objects.requireNonNullElse(jobTTLSecondsAfterFinished, DEFAULT_JOB_TTL_SECONDS),
        retentionDays);
  }
}
