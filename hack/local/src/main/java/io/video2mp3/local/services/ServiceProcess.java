package io.video2mp3.local.services;

import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform service run from its own jar as a separate JVM, logging to .local/logs/&lt;name&gt;.log,
 * with its pid in .local/run/&lt;name&gt;.pid. Like a Deployment's pod, it is started again when it
 * exits unexpectedly ({@link #superviseOnce}), with a growing back-off when it keeps crashing.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Up this long, a service is no longer crash-looping: the back-off starts over. */
  private static final Duration STABLE = Duration.ofMinutes(2);

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private final Path pidFile;
  private final String healthUrl;
  private Process process;
  private Instant startedAt;
  private Instant restartAt;
  private Duration backoff = FIRST_BACKOFF;
  private int restarts;
  private boolean closed;

  private ServiceProcess(String name, List<String> command, Map<String, String> env, Path log, Path pidFile,
      String healthUrl) {
    this.name = name;
    this.command = List.copyOf(command);
    this.env = Map.copyOf(env);
    this.log = log;
    this.pidFile = pidFile;
    this.healthUrl = healthUrl;
  }

  public static ServiceProcess start(String name, String java, List<String> jvmOptions, Path jar, Map<String, String> env,
      Path logDir, Path runDir, String healthUrl) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ServiceProcess service = new ServiceProcess(name, command, env, logDir.resolve(name + ".log"),
        runDir.resolve(name + ".pid"), healthUrl);
    try {
      Files.createDirectories(logDir);
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new StartupException("cannot create " + e.getMessage(), e);
    }
    service.launch("starting " + name + " (" + jar.getFileName() + ")");
    return service;
  }

  private synchronized void launch(String banner) {
    try {
      Files.writeString(log, "\n===== local platform: " + banner + " =====\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      process = builder.start();
      startedAt = Instant.now();
      Files.writeString(pidFile, process.pid() + "\n");
    } catch (IOException e) {
      throw new StartupException("cannot start " + name + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Starts the service again if it exited on its own (a crash, or a kill -9 from outside), as the
   * kubelet restarts a Deployment's container: at once the first time, then after 1 s, 2 s, ... 30 s.
   * Returns whether it started it again.
   */
  public synchronized boolean superviseOnce(Instant now) {
    if (closed || process.isAlive()) {
      if (!closed && Duration.between(startedAt, now).compareTo(STABLE) > 0) {
        backoff = FIRST_BACKOFF;
      }
      return false;
    }
    if (restartAt == null) {
      restartAt = restarts == 0 ? now : now.plus(backoff);
      LOG.warn("{} exited with code {}: starting it again{} (log: {})", name, process.exitValue(),
          restarts == 0 ? "" : " in " + backoff.toSeconds() + "s", log);
      if (restarts > 0) {
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
    if (now.isBefore(restartAt)) {
      return false;
    }
    restartAt = null;
    restarts++;
    launch("restarting " + name + " (restart " + restarts + ", previous exit code " + process.exitValue() + ")");
    return true;
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

  public synchronized boolean alive() {
    return process.isAlive();
  }

  public synchronized int exitCode() {
    return process.exitValue();
  }

  public synchronized long pid() {
    return process.pid();
  }

  public synchronized int restarts() {
    return restarts;
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

  /** Asks the service to stop (SIGTERM) without waiting, so that several services stop in parallel. */
  public void stopping() {
    Process current;
    synchronized (this) {
      closed = true;
      current = process;
    }
    current.destroy();
  }

  /** SIGTERM (Spring Boot and the operator shut down gracefully), SIGKILL after the grace period. */
  @Override
  public void close() {
    Process current;
    synchronized (this) {
      closed = true;
      current = process;
    }
    try {
      if (current.isAlive()) {
        current.destroy();
        if (!current.waitFor(15, TimeUnit.SECONDS)) {
          current.descendants().forEach(ProcessHandle::destroyForcibly);
          current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.destroyForcibly();
    } finally {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        // a stale pid file is harmless: the next start overwrites it
      }
    }
  }

  @Override
  public String toString() {
    return "service " + name;
  }
}
