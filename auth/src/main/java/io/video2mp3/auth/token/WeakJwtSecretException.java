package io.video2mp3.auth.token;

/** {@code JWT_SECRET} is missing or too short; the service must not start. Never carries the value. */
public class WeakJwtSecretException extends IllegalStateException {

  private final int actualBytes;
  private final int minimumBytes;

  public WeakJwtSecretException(int actualBytes, int minimumBytes) {
    super(
        actualBytes == 0
            ? "JWT_SECRET is not set; it must be at least " + minimumBytes + " bytes"
            : "JWT_SECRET is " + actualBytes + " bytes; it must be at least " + minimumBytes
                + " bytes (256 bits) for HS256");
    this.actualBytes = actualBytes;
    this.minimumBytes = minimumBytes;
  }

  public int actualBytes() {
    return actualBytes;
  }

  public int minimumBytes() {
    return minimumBytes;
  }
}
