package io.video2mp3.notifier.mail;

/** SMTP_SECURITY: plain, upgraded with STARTTLS (required, never silently skipped), or TLS from the start. */
public enum SmtpSecurity {
  NONE(25),
  STARTTLS(587),
  SSL(465);

  private final int defaultPort;

  SmtpSecurity(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
