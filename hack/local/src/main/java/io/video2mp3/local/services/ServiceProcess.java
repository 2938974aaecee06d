package io.video2mp3.local.services;

import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One platform service run from its own jar as a separate JVM, logging to .local/logs/&lt;name&gt;.log. */
public final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final String healthUrl;

  private ServiceProcess(String name, Process process, Path log, String healthUrl) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.healthUrl = healthUrl;
  }

  public static ServiceProcess start(String name, String java, List<String> jvmOptions, Path jar, Map<String, String> env,
      Path logDir, String healthUrl) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    Path log = logDir.resolve(name + ".log");
    try {
      Files.createDirectories(logDir);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      Files.writeString(log, "\n===== local platform: starting " + name + " (" + jar.getFileName() + ") =====\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new ServiceProcess(name, builder.start(), log, healthUrl);
    } catch (IOException e) {
      throw new StartupException("cannot start " + name + " (" + e.getMessage() + ")", e);
    }
  }

  public String name() {
    return name;
  }

  public String healthUrl() {
    return healthUrl;
  }

  public Path log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  public int exitCode() {
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  /** The last line of the log that looks like an error, to say why a service did not come up. */
  public String lastError() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 200; i--) {
        String line = lines.get(i);
        if (line.contains("ERROR") || line.contains("Exception") || line.contains("invalid") || line.contains("refus")) {
          return line.strip();
        }
      }
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGTERM (Spring Boot and the operator shut down gracefully), SIGKILL after the grace period. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
