package io.video2mp3.auth.error;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An expected failure that maps to one HTTP status. Its message goes to the client, so it must never
 * contain a password, a token or an internal detail.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final HttpHeaders headers;

  private ApiException(HttpStatus status, String message, HttpHeaders headers) {
    // No stack trace: these are answers, not bugs, and failed logins must stay cheap.
    super(message, null, false, false);
    this.status = status;
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
  }

  private ApiException(HttpStatus status, String message) {
    this(status, message, new HttpHeaders());
  }

  /** 401 with the {@code WWW-Authenticate} challenge the client should answer. */
  public static ApiException unauthorized(String challenge, String message) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return new ApiException(HttpStatus.UNAUTHORIZED, message, headers);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  /** 429 with {@code Retry-After} in whole seconds, rounded up so that retrying then succeeds. */
  public static ApiException tooManyRequests(Duration retryAfter, String message) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message, headers);
  }

  public HttpStatus status() {
    return status;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
