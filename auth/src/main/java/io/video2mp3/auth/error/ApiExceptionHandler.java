package io.video2mp3.auth.error;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception raised while handling a request into {@link ApiError} JSON. The base class
 * maps Spring MVC's own exceptions (404, 405, 415, unreadable body, ...) to their statuses and
 * headers ({@code Allow}); {@link #handleExceptionInternal} only replaces their problem-detail body.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> handleApiException(ApiException e) {
    return json(e.status(), e.headers(), e.getMessage());
  }

  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ApiError> handleDatabaseDown(RuntimeException e) {
    log.warn("Database unavailable: {}", e.toString());
    return json(HttpStatus.SERVICE_UNAVAILABLE, HttpHeaders.EMPTY, "the user database is unavailable");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> handleUnexpected(Exception e) {
    // The stack trace goes to the log, never to the client.
    log.error("Unexpected error", e);
    return json(HttpStatus.INTERNAL_SERVER_ERROR, HttpHeaders.EMPTY, "internal error");
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    return ResponseEntity.status(statusCode)
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(statusCode, messageFor(ex, body, statusCode)));
  }

  /** Spring's problem details are written to be safe for clients (no values, no internals). */
  private static String messageFor(Exception ex, @Nullable Object body, HttpStatusCode status) {
    if (ex instanceof MethodArgumentNotValidException invalid) {
      // Field name and constraint only: the rejected value may be a password.
      return invalid.getBindingResult().getFieldErrors().stream()
          .map(ApiExceptionHandler::describe)
          .sorted()
          .collect(Collectors.joining("; "));
    }
    ProblemDetail problem =
        body instanceof ProblemDetail detail
            ? detail
            : ex instanceof ErrorResponse response ? response.getBody() : null;
    if (problem != null && problem.getDetail() != null) {
      return problem.getDetail();
    }
    return ApiError.reasonPhrase(status);
  }

  private static String describe(FieldError error) {
    return error.getField() + ": " + error.getDefaultMessage();
  }

  private static ResponseEntity<ApiError> json(HttpStatusCode status, HttpHeaders headers, String message) {
    // An explicit content type, so the error is JSON whatever the client's Accept header says.
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(status, message));
  }
}
