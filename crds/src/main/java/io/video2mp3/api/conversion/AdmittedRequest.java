package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What a conversion is, as the operator admitted it: the Job converts this source into this
 * output, and this owner is told and may download the result, whatever the spec says later.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdmittedRequest(
    @JsonPropertyDescription("The source the Job converts.")
    Source source,
    @JsonPropertyDescription("The audio file the Job produces.")
    OutputSpec output,
    @JsonPropertyDescription("The owner who is notified and may download the result.")
    Owner owner) {

  public static AdmittedRequest of(VideoConversionSpec spec) {
    return new AdmittedRequest(spec.getSource(), spec.getOutput(), spec.getOwner());
  }
}
