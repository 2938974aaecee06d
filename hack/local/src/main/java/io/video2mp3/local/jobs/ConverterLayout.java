package io.video2mp3.local.jobs;

import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The converter's launch layout as the operator image holds it under /app/operator (an unpacked
 * classpath and an AppCDS archive, made by hack/images/converter-layout.sh), so a local conversion
 * Job runs the same command line as in a cluster. Made again only when the operator jar changes.
 */
public final class ConverterLayout {

  /** The container paths of the image's operator files. */
  public static final String IMAGE_JAR = "/app/operator.jar";
  public static final String IMAGE_DIR = "/app/operator";
  private static final long TIMEOUT_MINUTES = 5;

  private ConverterLayout() {
  }

  /**
   * @param script hack/images/converter-layout.sh
   * @param jar the operator's Spring Boot jar
   * @param dir where the layout goes
   * @param java the java binary the conversions run with (the archive maps only into the JVM that wrote it)
   * @return the image files to map: the jar and the layout directory
   */
  public static Map<String, String> prepare(Path script, Path jar, Path dir, String java) {
    Path stamp = dir.resolve("made-from");
    try {
      String source = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + java;
      if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
        run(List.of("sh", script.toString(), "unpack", jar.toString(), dir.toString()), Map.of(), dir.getParent());
        run(List.of("sh", script.toString(), "dump", dir.toString()), Map.of("JAVA", java), dir.getParent());
        Files.writeString(stamp, source);
      }
    } catch (IOException e) {
      throw new StartupException("cannot prepare the converter layout in " + dir + ": " + e.getMessage(), e);
    }
    return Map.of(IMAGE_JAR, jar.toString(), IMAGE_DIR, dir.toString());
  }

  private static void run(List<String> command, Map<String, String> env, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "converter-layout", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
