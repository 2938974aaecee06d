package io.video2mp3.gateway.error;

import org.springframework.http.HttpStatus;

/** A failure with a status and a message that is safe to show to the client. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String phase;

  public ApiException(HttpStatus status, String message) {
    this(status, message, null, null);
  }

  public ApiException(HttpStatus status, String message, String phase, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.phase = phase;
  }

  public HttpStatus status() {
    return status;
  }

  public String phase() {
    return phase;
  }

  public ApiError body() {
    return new ApiError(ApiError.code(status), getMessage(), phase);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, message);
  }

  /** The same answer whether the thing does not exist or belongs to someone else. */
  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
  }

  public static ApiException notDone(String name, String phase) {
    return new ApiException(HttpStatus.CONFLICT,
        "conversion " + name + " is not finished (phase " + phase + ")", phase, null);
  }
}
