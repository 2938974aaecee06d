package io.video2mp3.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.auth.config.JwtSettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class JwtSecretTest {

  @Test
  void acceptsThirtyTwoBytes() {
    assertThat(JwtSecret.bytesOf("x".repeat(32))).hasSize(32);
  }

  @Test
  void rejectsThirtyOneBytesNamingTheVariableButNotTheValue() {
    String secret = "s3cret-".repeat(4) + "abc"; // 31 bytes
    assertThatThrownBy(() -> JwtSecret.bytesOf(secret))
        .isInstanceOf(WeakJwtSecretException.class)
        .hasMessageContaining("JWT_SECRET")
        .hasMessageContaining("31 bytes")
        .hasMessageNotContaining(secret);
  }

  @Test
  void rejectsMissingAndEmptySecrets() {
    assertThatThrownBy(() -> JwtSecret.bytesOf(null)).hasMessageContaining("JWT_SECRET is not set");
    assertThatThrownBy(() -> JwtSecret.bytesOf("")).hasMessageContaining("JWT_SECRET is not set");
  }

  @Test
  void countsUtf8BytesNotCharacters() {
    assertThat(JwtSecret.bytesOf("é".repeat(16))).hasSize(32); // 16 characters, 32 bytes
  }

  @Test
  void jwtServiceRefusesAShortSecret() {
    JwtSettings settings = new JwtSettings("ten-bytes!", Duration.ofHours(1), "issuer");
    assertThatThrownBy(() -> new JwtService(settings, Clock.systemUTC()))
        .isInstanceOf(WeakJwtSecretException.class)
        .hasMessageContaining("JWT_SECRET is 10 bytes");
  }

  @Test
  void failureAnalysisTellsWhatToDo() {
    WeakJwtSecretException failure = new WeakJwtSecretException(10, 32);
    FailureAnalysis analysis = new WeakJwtSecretFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).contains("JWT_SECRET is 10 bytes");
    assertThat(analysis.getAction()).contains("JWT_SECRET").contains("32 bytes");
  }

  @Test
  void settingsNeverPrintTheSecret() {
    assertThat(new JwtSettings("a-very-secret-value", Duration.ofHours(1), "issuer").toString())
        .doesNotContain("a-very-secret-value");
  }
}
