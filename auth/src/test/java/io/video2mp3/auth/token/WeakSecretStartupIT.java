package io.video2mp3.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.auth.AuthApplication;
import io.video2mp3.auth.support.TemporaryDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The service refuses to start with a JWT_SECRET under 32 bytes, and says so. */
@ExtendWith(OutputCaptureExtension.class)
class WeakSecretStartupIT {

  private static final String TEN_BYTES = "sh0rt-s3cr";

  @RegisterExtension static final TemporaryDatabase database = new TemporaryDatabase();

  @Test
  void refusesToStartInProcess(CapturedOutput output) {
    // Command-line arguments, so that they win over application.yml and the environment.
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(AuthApplication.class)
                    .run(
                        "--auth.jwt.secret=" + TEN_BYTES,
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password())
                    .close())
        .hasRootCauseInstanceOf(WeakJwtSecretException.class)
        .rootCause()
        .hasMessageContaining("JWT_SECRET is 10 bytes");

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("JWT_SECRET is 10 bytes")
        .doesNotContain(TEN_BYTES);
  }

  @Test
  void exitsNonZeroAsAProcess(@TempDir Path dir) throws IOException, InterruptedException {
    Path log = dir.resolve("auth.log");
    ProcessBuilder builder =
        new ProcessBuilder(javaExecutable(), AuthApplication.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // The test JVM's classpath: the module's classes and all its dependencies.
    env.put("CLASSPATH", System.getProperty("java.class.path"));
    env.put("JWT_SECRET", TEN_BYTES);
    env.put("MYSQL_URL", database.url());
    env.put("MYSQL_USER", database.user());
    env.put("MYSQL_PASSWORD", database.password());
    env.put("SERVER_PORT", "0");

    Process process = builder.start();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }

    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(exited).as(text).isTrue();
    assertThat(process.exitValue()).as(text).isNotZero();
    assertThat(text).contains("APPLICATION FAILED TO START").contains("JWT_SECRET").doesNotContain(TEN_BYTES);
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
