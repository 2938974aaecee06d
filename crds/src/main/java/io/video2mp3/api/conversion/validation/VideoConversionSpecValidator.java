package io.video2mp3.api.conversion.validation;

import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a VideoConversion's spec against the rules of its CRD schema ({@link SpecRules}): what a
 * validating API server would refuse. Fields the schema defaults (format, bitrate, timeout,
 * retries) may be absent. Pure: the operator, the gateway and the tests call the same rules.
 */
public final class VideoConversionSpecValidator {

  private static final Pattern FILE_ID = Pattern.compile(SpecRules.FILE_ID_PATTERN);
  private static final Pattern URL = Pattern.compile(SpecRules.URL_PATTERN);
  private static final Pattern BITRATE = Pattern.compile(SpecRules.BITRATE_PATTERN);

  private VideoConversionSpecValidator() {
  }

  /** Every rule the spec breaks, each naming its field; empty when the spec is valid. */
  public static List<String> violations(VideoConversionSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      problems.add("spec is required");
      return problems;
    }
    if (spec.unreadable() != null) {
      problems.add("spec cannot be read: " + spec.unreadable());
      return problems;
    }
    source(spec.getSource(), problems);
    output(spec.getOutput(), problems);
    owner(spec.getOwner(), problems);
    range("spec.timeoutSeconds", spec.getTimeoutSeconds(), SpecRules.TIMEOUT_MIN_SECONDS,
        SpecRules.TIMEOUT_MAX_SECONDS, problems);
    range("spec.retries", spec.getRetries(), SpecRules.RETRIES_MIN, SpecRules.RETRIES_MAX, problems);
    return problems;
  }

  /** The violations as one sentence, or null when the spec is valid. */
  public static String problem(VideoConversionSpec spec) {
    List<String> problems = violations(spec);
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static void source(Source source, List<String> problems) {
    if (source == null) {
      problems.add("spec.source is required");
      return;
    }
    if ((source.fileId() == null) == (source.url() == null)) {
      problems.add("spec.source needs exactly one of fileId or url");
    }
    if (source.fileId() != null && !FILE_ID.matcher(source.fileId()).matches()) {
      problems.add("spec.source.fileId must be 24 lowercase hex digits (a GridFS id)");
    }
    if (source.url() != null) {
      if (!URL.matcher(source.url()).matches()) {
        problems.add("spec.source.url must start with http:// or https://");
      }
      if (source.url().length() > SpecRules.URL_MAX_LENGTH) {
        problems.add("spec.source.url is longer than " + SpecRules.URL_MAX_LENGTH + " characters");
      }
    }
    if (source.filename() != null && source.filename().length() > SpecRules.FILENAME_MAX_LENGTH) {
      problems.add("spec.source.filename is longer than " + SpecRules.FILENAME_MAX_LENGTH + " characters");
    }
  }

  /** The format is an enum: an unknown one makes the spec unreadable, so only the bitrate is left to check. */
  private static void output(OutputSpec output, List<String> problems) {
    if (output == null) {
      problems.add("spec.output is required");
      return;
    }
    if (output.bitrate() != null && !BITRATE.matcher(output.bitrate()).matches()) {
      problems.add("spec.output.bitrate must look like 128k or 192k (" + SpecRules.BITRATE_PATTERN + ")");
    }
  }

  private static void owner(Owner owner, List<String> problems) {
    if (owner == null) {
      problems.add("spec.owner is required");
      return;
    }
    length("spec.owner.username", owner.username(), SpecRules.USERNAME_MIN_LENGTH, SpecRules.USERNAME_MAX_LENGTH,
        problems);
    length("spec.owner.email", owner.email(), SpecRules.EMAIL_MIN_LENGTH, SpecRules.EMAIL_MAX_LENGTH, problems);
  }

  private static void length(String field, String value, int min, int max, List<String> problems) {
    if (value == null) {
      problems.add(field + " is required");
    } else if (value.length() < min || value.length() > max) {
      problems.add(field + " must be " + min + " to " + max + " characters long");
    }
  }

  private static void range(String field, Integer value, int min, int max, List<String> problems) {
    if (value != null && (value < min || value > max)) {
      problems.add(field + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
