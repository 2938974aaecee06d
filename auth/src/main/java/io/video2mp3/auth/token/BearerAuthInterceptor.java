package io.video2mp3.auth.token;

import io.video2mp3.auth.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link Authenticated} and {@link AdminOnly}. It runs before the request body is read, so a
 * caller learns 401, then 403, before anything about their input (400, 409).
 */
@Component
public class BearerAuthInterceptor implements HandlerInterceptor {

  /** Request attribute holding the caller's {@link TokenClaims}. */
  public static final String CALLER = "io.video2mp3.auth.token.caller";

  private final BearerAuthentication bearer;

  public BearerAuthInterceptor(BearerAuthentication bearer) {
    this.bearer = bearer;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    boolean adminOnly = method.hasMethodAnnotation(AdminOnly.class);
    boolean authenticated =
        adminOnly
            || method.hasMethodAnnotation(Authenticated.class)
            || method.getBeanType().isAnnotationPresent(Authenticated.class);
    if (!authenticated) {
      return true;
    }
    TokenClaims caller = bearer.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (adminOnly && !caller.admin()) {
      throw ApiException.forbidden("administrator rights are required");
    }
    request.setAttribute(CALLER, caller);
    return true;
  }
}
