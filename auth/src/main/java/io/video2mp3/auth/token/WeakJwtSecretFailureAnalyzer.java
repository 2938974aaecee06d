package io.video2mp3.auth.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints "APPLICATION FAILED TO START" with what to do, instead of a bean-creation stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class WeakJwtSecretFailureAnalyzer extends AbstractFailureAnalyzer<WeakJwtSecretException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WeakJwtSecretException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the environment variable JWT_SECRET to a random value of at least "
            + cause.minimumBytes()
            + " bytes, for example the output of `openssl rand -base64 48`.",
        cause);
  }
}
