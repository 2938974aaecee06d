package io.video2mp3.auth.support;

public final class TestSecrets {

  /** The integration tests' signing secret: 40 bytes. */
  public static final String JWT_SECRET = "integration-test-secret-0123456789abcdef";

  private TestSecrets() {}
}
