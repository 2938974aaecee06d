package io.video2mp3.auth.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code JWT_SECRET}, {@code JWT_TTL}, {@code JWT_ISSUER}).
 *
 * <p>The secret is deliberately not bean-validated: a failed validation prints the rejected value, and
 * this value must never reach a log. {@link io.video2mp3.auth.token.JwtSecret} checks it instead.
 */
@Validated
@ConfigurationProperties("auth.jwt")
public record JwtSettings(
    String secret, @NotNull @DurationMin(seconds = 1) Duration ttl, @NotBlank String issuer) {

  @Override
  public String toString() {
    return "JwtSettings[secret=<hidden>, ttl=" + ttl + ", issuer=" + issuer + "]";
  }
}
