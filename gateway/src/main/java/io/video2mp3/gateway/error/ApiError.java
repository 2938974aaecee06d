package io.video2mp3.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The body of every error response: {@code {"error": "not_found", "message": "..."}}; a 409 for a
 * conversion that is not done also says its {@code phase}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String phase) {

  public static ApiError of(HttpStatusCode status, String message) {
    return new ApiError(code(status), message, null);
  }

  /** {@code error} is the status name in snake case, stable for clients to switch on. */
  public static String code(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
  }

  public static String reasonPhrase(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
  }
}
