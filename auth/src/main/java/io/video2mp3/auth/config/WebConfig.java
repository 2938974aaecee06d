package io.video2mp3.auth.config;

import io.video2mp3.auth.token.BearerAuthInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  private final BearerAuthInterceptor bearerAuth;

  WebConfig(BearerAuthInterceptor bearerAuth) {
    this.bearerAuth = bearerAuth;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // Applies to every handler; it only acts on those annotated @Authenticated or @AdminOnly.
    registry.addInterceptor(bearerAuth);
  }
}
