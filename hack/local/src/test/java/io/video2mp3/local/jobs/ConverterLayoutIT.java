package io.video2mp3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter runs from the image's lean layout: a plain main class, classes mapped from the AppCDS archive. */
class ConverterLayoutIT {

  private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
  /** The Job's command as ConversionJobBuilder writes it, plus -Xshare:on (fail unless the archive maps) and class logging. */
  private static final List<String> COMMAND = List.of("java", "-Xshare:on", "-verbose:class", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:SharedArchiveFile=/app/operator/converter.jsa",
      "-cp", "/app/operator/app.jar:/app/operator/lib/*", "io.video2mp3.operator.Main", "convert");

  @TempDir
  Path work;

  @Test
  void converterStartsFromTheArchiveWithoutSpringBootsLauncher() throws Exception {
    Path layout = work.resolve("operator-layout");
    Map<String, String> files = ConverterLayout.prepare(REPO.resolve("hack/images/converter-layout.sh"), operatorJar(),
        layout, JobRunnerSettings.currentJava());
    FileTime archived = Files.getLastModifiedTime(layout.resolve("converter.jsa"));

    List<String> command = new ArrayList<>(new PathMapper(files).map(COMMAND));
    command.set(0, JobRunnerSettings.currentJava());
    Path out = work.resolve("out.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().clear();
    builder.environment().put("TERMINATION_LOG", work.resolve("termination-log").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(out);

    assertThat(process.exitValue()).as(log).isEqualTo(1);
    assertThat(log).contains("converter: invalid settings: CONVERSION_NAMESPACE is required")
        .contains("io.video2mp3.operator.Main source: shared objects file")
        .doesNotContain("org.springframework");

    ConverterLayout.prepare(REPO.resolve("hack/images/converter-layout.sh"), operatorJar(), layout,
        JobRunnerSettings.currentJava());
    assertThat(Files.getLastModifiedTime(layout.resolve("converter.jsa"))).as("made once per jar").isEqualTo(archived);
  }

  private static Path operatorJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(REPO.resolve("operator/target"), "operator-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().endsWith("-sources.jar")) {
          return jar;
        }
      }
    }
    throw new IllegalStateException("build the operator first: mvn -pl operator -am package -DskipTests");
  }
}
