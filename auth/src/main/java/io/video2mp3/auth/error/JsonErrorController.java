package io.video2mp3.auth.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error controller (its body has timestamp/path and, for browsers, an HTML page) for
 * errors that never reach {@link ApiExceptionHandler}: those raised by the servlet container or by
 * filters. Always JSON, never a stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ApiError> error(HttpServletRequest request) {
    HttpStatusCode status = statusOf(request);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(status, ApiError.reasonPhrase(status)));
  }

  private static HttpStatusCode statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value && value >= 400 && value <= 599) {
      return HttpStatusCode.valueOf(value);
    }
    // Reached directly (GET /error) rather than as an error dispatch.
    return HttpStatus.NOT_FOUND;
  }
}
