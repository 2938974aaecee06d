package io.video2mp3.local.support;

import java.util.Map;

/** Typed reads of the runtime's own settings from the environment. */
public record Env(Map<String, String> values) {

  public static Env system() {
    return new Env(System.getenv());
  }

  public String text(String name, String defaultValue) {
    String value = values.get(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  public String optional(String name) {
    return text(name, null);
  }

  public int integer(String name, int defaultValue) {
    String value = text(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new StartupException(name + " must be an integer, was '" + value + "'");
    }
  }

  /** A port setting: the given value (which must be free), or the default if free, else any free port. */
  public int port(String name, int defaultPort) {
    String value = text(name, null);
    if (value == null) {
      return Ports.preferred(defaultPort);
    }
    int port = integer(name, defaultPort);
    if (!Ports.isFree(port)) {
      throw new StartupException(name + "=" + port + " but that port is in use: free it or choose another " + name);
    }
    return port;
  }
}
