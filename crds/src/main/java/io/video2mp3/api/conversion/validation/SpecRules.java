package io.video2mp3.api.conversion.validation;

/**
 * The rules of a VideoConversion's spec, in one place: the CRD schema's annotations take their
 * bounds and patterns from here, and {@link VideoConversionSpecValidator} checks the same ones
 * (for API servers that validate no schema, and for clients before they create a resource).
 */
public final class SpecRules {

  public static final String FILE_ID_PATTERN = "^[0-9a-f]{24}$";
  public static final String URL_PATTERN = "^https?://.+";
  public static final int URL_MAX_LENGTH = 2048;
  public static final int FILENAME_MAX_LENGTH = 255;
  public static final String BITRATE_PATTERN = "^[0-9]{2,3}k$";
  public static final int TIMEOUT_MIN_SECONDS = 1;
  public static final int TIMEOUT_MAX_SECONDS = 86400;
  public static final int RETRIES_MIN = 0;
  public static final int RETRIES_MAX = 10;
  public static final int USERNAME_MIN_LENGTH = 1;
  public static final int USERNAME_MAX_LENGTH = 64;
  public static final int EMAIL_MIN_LENGTH = 3;
  public static final int EMAIL_MAX_LENGTH = 254;

  private SpecRules() {
  }
}
