package io.video2mp3.gateway.error;

import com.mongodb.MongoException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.video2mp3.gateway.error.DependencyUnavailableException.Dependency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every failure into {@code {"error","message"}} with the right status; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    if (e instanceof DependencyUnavailableException) {
      log.warn("{}", e.getMessage(), e.getCause());
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder.body(e.body());
  }

  /** A MongoDB failure that escaped a store: the database is unreachable or misbehaving. */
  @ExceptionHandler(MongoException.class)
  ResponseEntity<ApiError> mongo(MongoException e) {
    return api(new DependencyUnavailableException(Dependency.MONGODB, e.getClass().getSimpleName(), e));
  }

  @ExceptionHandler(KubernetesClientException.class)
  ResponseEntity<ApiError> kubernetes(KubernetesClientException e) {
    return api(new DependencyUnavailableException(Dependency.KUBERNETES,
        e.getCode() > 0 ? "HTTP " + e.getCode() : "no answer", e));
  }

  /** A query or path parameter that is not of its type ({@code ?size=abc}): the client's mistake. */
  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(TypeMismatchException e) {
    String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "of another type"
        : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class) ? "a number"
        : type == Boolean.class || type == boolean.class ? "true or false"
        : "a " + type.getSimpleName();
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(HttpStatus.BAD_REQUEST, "parameter '" + name + "' must be " + expected));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse error) {
      return spring(error);
    }
    log.error("Unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error"));
  }

  /** Spring MVC's own exceptions (unknown path, wrong method, bad parameter, ...) keep their status. */
  private ResponseEntity<ApiError> spring(ErrorResponse error) {
    HttpStatusCode status = error.getStatusCode();
    String detail = error.getBody().getDetail();
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(status, detail != null ? detail : ApiError.reasonPhrase(status)));
  }
}
