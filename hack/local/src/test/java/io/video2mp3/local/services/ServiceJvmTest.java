package io.video2mp3.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.local.jobs.JobRunnerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Local mode runs its services with the image's JVM flags: one file, the full JIT, a heap cap. */
class ServiceJvmTest {

  private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();

  @Test
  void theServicesGetTheImagesOptionsFileAndAHeapCap() throws Exception {
    List<String> options = ServiceJvm.options(REPO, "384m");
    assertThat(options).containsExactly("@" + REPO.resolve("hack/images/jvm.options"), "-Xmx384m");
    String dockerfile = Files.readString(REPO.resolve("hack/images/Dockerfile"));
    assertThat(dockerfile).contains("COPY hack/images/jvm.options /app/jvm.options")
        .contains("JDK_JAVA_OPTIONS=\"@/app/jvm.options\"");
  }

  @Test
  void aJvmStartedWithThemRunsTheFullJitAndStopsOnOutOfMemory() throws Exception {
    List<String> command = new ArrayList<>(List.of(JobRunnerSettings.currentJava()));
    command.addAll(ServiceJvm.options(REPO, "384m"));
    command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(flags).containsPattern("TieredStopAtLevel\\s+= 4\\s")
        .containsPattern("ExitOnOutOfMemoryError\\s+= true\\s")
        .containsPattern("MaxHeapSize\\s+= " + 384L * 1024 * 1024 + "\\s");
  }
}
