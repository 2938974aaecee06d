package io.video2mp3.gateway.auth;

import io.video2mp3.gateway.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Resolves {@code Authorization: Bearer <jwt>} to a {@link Caller} before any protected handler runs. */
@Component
class BearerAuthInterceptor implements HandlerInterceptor {

  private static final String PREFIX = "bearer ";
  private static final int MAX_TOKEN_CHARS = 8_192;

  private final AuthClient auth;

  BearerAuthInterceptor(AuthClient auth) {
    this.auth = auth;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("OPTIONS".equals(request.getMethod())) {
      return true;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw ApiException.unauthorized("missing Authorization: Bearer <token> header");
    }
    if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
    }
    String token = header.substring(PREFIX.length()).trim();
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw ApiException.unauthorized("invalid or expired token");
    }
    request.setAttribute(Caller.ATTRIBUTE, auth.authenticate(token));
    return true;
  }
}
