package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
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

  @Min(1)
  @Max(86400)
  @Default("3600")
  @JsonPropertyDescription("Seconds the conversion Job may run before it is failed (activeDeadlineSeconds).")
  private Integer timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

  @Min(0)
  @Max(10)
  @Default("2")
  @JsonPropertyDescription("How many times a failed attempt is retried (the Job's backoffLimit).")
  private Integer retries = DEFAULT_RETRIES;

  public VideoConversionSpec() {
  }

  public VideoConversionSpec(Source source, OutputSpec output, Owner owner) {
    this.source = source;
    this.output = output;
    this.owner = owner;
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
        && Objects.equals(retries, other.retries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, output, owner, timeoutSeconds, retries);
  }
}
