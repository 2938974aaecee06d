package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.video2mp3.api.conversion.validation.SpecRules;

/** The audio file to produce. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputSpec(
    @Required
    @Default("mp3")
    @JsonPropertyDescription("Audio format; mp3 for now.")
    AudioFormat format,
    @Required
    @Default("192k")
    @Pattern(OutputSpec.BITRATE_PATTERN)
    @JsonPropertyDescription("Target bitrate, for example 128k or 192k.")
    String bitrate) {

  public static final String BITRATE_PATTERN = SpecRules.BITRATE_PATTERN;
  public static final String DEFAULT_BITRATE = "192k";

  public static OutputSpec mp3(String bitrate) {
    return new OutputSpec(AudioFormat.MP3, bitrate);
  }

  /** Bits per second of a bitrate such as {@code 192k}. */
  public static long bitsPerSecond(String bitrate) {
    if (bitrate == null || !bitrate.matches(BITRATE_PATTERN)) {
      throw new IllegalArgumentException("bitrate must look like 192k, was: " + bitrate);
    }
    return Long.parseLong(bitrate.substring(0, bitrate.length() - 1)) * 1000;
  }
}
