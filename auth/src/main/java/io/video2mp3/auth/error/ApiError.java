package io.video2mp3.auth.error;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The body of every error response: {@code {"error": "not_found", "message": "..."}}. */
public record ApiError(String error, String message) {

  /** {@code error} is the status name in snake case, stable for clients to switch on. */
  public static ApiError of(HttpStatusCode status, String message) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String code = known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    return new ApiError(code, message);
  }

  /** The standard reason phrase, used when there is nothing more specific to say. */
  public static String reasonPhrase(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
  }
}
