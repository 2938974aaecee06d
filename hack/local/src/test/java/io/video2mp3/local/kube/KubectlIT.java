package io.video2mp3.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the local Kubernetes API: discovery, apply, get with printer columns, describe. */
class KubectlIT {

  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  @TempDir
  static Path dir;
  private static LocalKubeApi api;
  private static Path kubeconfig;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed");
    api = LocalKubeApi.start(0);
    api.ensureNamespace("video2mp3");
    kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "video2mp3");
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("kubectl %s: %s", String.join(" ", args), out).isZero();
    return out;
  }

  @Test
  void appliesTheSampleAndShowsItWithThePrinterColumns() throws Exception {
    Path sample = Path.of(System.getProperty("repo.root", "../..")).resolve("samples/videoconversion-url.yaml");
    assertThat(sample).exists();

    assertThat(kubectl("apply", "--validate=false", "-f", sample.toString())).contains("created");
    assertThat(kubectl("apply", "--validate=false", "-f", sample.toString())).contains("unchanged");

    String table = kubectl("get", "videoconversions");
    assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "PHASE", "PROGRESS", "OWNER", "AGE");
    assertThat(table).contains("sample-url").contains("demo");
    assertThat(kubectl("get", "vc", "sample-url", "-o", "jsonpath={.spec.source.url}"))
        .isEqualTo("http://127.0.0.1:8090/sample.mp4");
    assertThat(kubectl("describe", "vc", "sample-url")).contains("Name:", "sample-url", "Owner");
    assertThat(kubectl("get", "jobs")).contains("No resources found");
    assertThat(kubectl("api-resources")).contains("videoconversions", "vc", "jobs");
    assertThat(kubectl("delete", "vc", "sample-url")).contains("deleted");
  }

  @Test
  void knowsTheConversionPlatformToo() throws Exception {
    Path sample = Path.of(System.getProperty("repo.root", "../..")).resolve("samples/conversionplatform.yaml");

    assertThat(kubectl("apply", "--validate=false", "-f", sample.toString())).contains("created");
    assertThat(kubectl("api-resources")).contains("conversionplatforms", "cp");
    assertThat(kubectl("get", "cp")).contains("video2mp3");
  }
}
