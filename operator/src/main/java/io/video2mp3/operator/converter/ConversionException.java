package io.video2mp3.operator.converter;

/**
 * A conversion that cannot finish. {@code permanent} means the input itself cannot become an MP3
 * (exit 2: the Job fails at once); otherwise the failure may go away on a retry (exit 1).
 */
public class ConversionException extends Exception {

  private final boolean permanent;

  public ConversionException(boolean permanent, String message) {
    super(message);
    this.permanent = permanent;
  }

  public ConversionException(boolean permanent, String message, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public static ConversionException permanent(String message) {
    return new ConversionException(true, message);
  }

  public static ConversionException transientFailure(String message, Throwable cause) {
    return new ConversionException(false, message, cause);
  }

  public boolean permanent() {
    return permanent;
  }

  public int exitCode() {
    return permanent ? ExitCodes.NOT_CONVERTIBLE : ExitCodes.FAILED;
  }
}
