package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.video2mp3.api.conversion.validation.SpecRules;
import java.util.Objects;

/** What to convert, into what, for whom. Immutable once created: a new request is a new resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf", message = "spec is immutable; create a new VideoConversion instead")
public class VideoConversionSpec {

  public static final int DEFAULT_TIMEOUT_SECONDS = 3600;
  public static final int DEFAULT_RETRIES = 2;

  @Required
  @JsonPropertyDescription("Where the video comes from: exactly one of fileId (an upload) or url.")
  private Source source;

  @Required
  @JsonPropertyDescription("The audio file to produce.")
  private OutputSpec output;

  @Required
  @JsonPropertyDescription("Who asked for the conversion; set from the login token, never from client input.")
  private Owner owner;

  @Min(SpecRules.TIMEOUT_MIN_SECONDS)
  @Max(SpecRules.TIMEOUT_MAX_SECONDS)
  @Default("3600")
  @JsonPropertyDescription("Seconds the conversion Job may run before it is failed (activeDeadlineSeconds).")
  private Integer timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

  @Min(SpecRules.RETRIES_MIN)
  @Max(SpecRules.RETRIES_MAX)
  @Default("2")
  @JsonPropertyDescription("How many times a failed attempt is retried (the Job's backoffLimit).")
  private Integer retries = DEFAULT_RETRIES;

  /** Why the resource's spec did not fit these types (see LenientSpecDeserializer); null when it did. */
  @JsonIgnore
  private String unreadable;

  /** The stored JSON of an unreadable spec: written back as it was (JOSDK clones resources through JSON). */
  @JsonIgnore
  private JsonNode raw;

  public VideoConversionSpec() {
  }

  public VideoConversionSpec(Source source, OutputSpec output, Owner owner) {
    this.source = source;
    this.output = output;
    this.owner = owner;
  }

  /** A spec that could not be read: every field is empty, {@code reason} says what was wrong. */
  public static VideoConversionSpec unreadable(String reason, JsonNode raw) {
    VideoConversionSpec spec = new VideoConversionSpec();
    spec.timeoutSeconds = null;
    spec.retries = null;
    spec.unreadable = reason;
    spec.raw = raw;
    return spec;
  }

  /** The stored JSON of an unreadable spec, else null. */
  public JsonNode raw() {
    return raw;
  }

  /** Why the stored spec could not be read into these types, or null. */
  public String unreadable() {
    return unreadable;
  }

  public Source getSource() {
    return source;
  }

  public void setSource(Source source) {
    this.source = source;
  }

  public OutputSpec getOutput() {
    return output;
  }

  public void setOutput(OutputSpec output) {
    this.output = output;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  /** The timeout with the schema's default applied (the mock API server does not apply defaults). */
  public int effectiveTimeoutSeconds() {
    return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
  }

  /** The retries with the schema's default applied. */
  public int effectiveRetries() {
    return retries == null ? DEFAULT_RETRIES : retries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoConversionSpec other
        && Objects.equals(source, other.source)
        && Objects.equals(output, other.output)
        && Objects.equals(owner, other.owner)
        && Objects.equals(timeoutSeconds, other.timeoutSeconds)
        && Objects.equals(retries, other.retries)
        && Objects.equals(unreadable, other.unreadable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, output, owner, timeoutSeconds, retries, unreadable);
  }
}
