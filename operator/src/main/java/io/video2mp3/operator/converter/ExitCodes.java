package io.video2mp3.operator.converter;

/** The converter's exit codes; the Job's podFailurePolicy fails the Job at once on 2. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Anything that may succeed on a retry, and misconfiguration. */
  public static final int FAILED = 1;
  /** The input can never become an MP3 (empty, not media, no audio, truncated). */
  public static final int NOT_CONVERTIBLE = 2;

  private ExitCodes() {
  }
}
