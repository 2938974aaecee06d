package io.video2mp3.gateway.auth;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API path needs a bearer token; the login, the web page and the API docs do not (actuator is on the management port). */
@Configuration
class AuthWebConfig implements WebMvcConfigurer {

  private final BearerAuthInterceptor bearer;
  private final CallerArgumentResolver callers;

  AuthWebConfig(BearerAuthInterceptor bearer, CallerArgumentResolver callers) {
    this.bearer = bearer;
    this.callers = callers;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(bearer).addPathPatterns("/upload", "/download", "/api/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callers);
  }
}
