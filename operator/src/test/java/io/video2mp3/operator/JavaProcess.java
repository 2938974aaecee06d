package io.video2mp3.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A main class of this module's classpath in a JVM of its own, so that a test can SIGKILL it. */
public final class JavaProcess {

  private JavaProcess() {
  }

  /** Output goes to {@code target/<log>}. */
  public static Process start(Class<?> main, Map<String, String> env, String log, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    Path output = Path.of("target", log);
    Files.createDirectories(output.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** SIGKILL: no shutdown hook, no finally block, nothing cleaned up. */
  public static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
