package io.video2mp3.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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

/** The real kubectl against the local Kubernetes API: discovery, apply, get, describe with events, logs, explain. */
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
    api.servePodLogsFrom(dir.resolve("pods"));
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

  @Test
  void logsShowWhatThePodWroteByPodAndByJob() throws Exception {
    Job job;
    try (KubernetesClient client = api.client()) {
      job = client.batch().v1().jobs().inNamespace("video2mp3").resource(new JobBuilder().withNewMetadata()
          .withName("vc-logs-convert").endMetadata().withNewSpec().withNewTemplate().withNewSpec()
          .addNewContainer().withName("convert").withImage("video2mp3/operator").endContainer()
          .withRestartPolicy("Never").endSpec().endTemplate().endSpec().build()).create();
      client.pods().inNamespace("video2mp3").resource(new PodBuilder().withNewMetadata().withName("vc-logs-convert-abcde")
          .addToLabels("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
          .addToLabels("job-name", "vc-logs-convert").endMetadata().withNewSpec().addNewContainer().withName("convert")
          .withImage("video2mp3/operator").endContainer().endSpec().build()).create();
    }
    Path log = Files.createDirectories(dir.resolve("pods/video2mp3/vc-logs-convert-abcde")).resolve("output.log");
    Files.writeString(log, "probing the input\nconverted vc-logs to 42\n");

    assertThat(kubectl("logs", "vc-logs-convert-abcde")).isEqualTo("probing the input\nconverted vc-logs to 42\n");
    assertThat(kubectl("logs", "job/vc-logs-convert")).contains("converted vc-logs to 42");
    assertThat(kubectl("logs", "vc-logs-convert-abcde", "--tail=1")).isEqualTo("converted vc-logs to 42\n");
  }

  @Test
  void describeShowsTheObjectsEventsAndGetEventsHasItsColumns() throws Exception {
    try (KubernetesClient client = api.client()) {
      client.resource(new GenericKubernetesResourceBuilder().withApiVersion("video2mp3.io/v1alpha1")
          .withKind("VideoConversion").withNewMetadata().withName("vc-events").withNamespace("video2mp3").endMetadata()
          .addToAdditionalProperties("spec", java.util.Map.of("source", java.util.Map.of("url", "http://127.0.0.1/a.mp4"),
              "owner", java.util.Map.of("username", "demo", "email", "demo@example.com")))
          .build()).create();
      String uid = client.genericKubernetesResources("video2mp3.io/v1alpha1", "VideoConversion").inNamespace("video2mp3")
          .withName("vc-events").get().getMetadata().getUid();
      event(client, "vc-events.1", "vc-events", uid, "JobCreated", "Job vc-events-convert created");
      event(client, "vc-other.1", "vc-other", "another-uid", "Failed", "not this one");
    }

    String described = kubectl("describe", "vc", "vc-events");
    assertThat(described.substring(described.indexOf("Events:"))).contains("JobCreated", "Job vc-events-convert created")
        .doesNotContain("not this one");
    String events = kubectl("get", "events");
    assertThat(events.lines().findFirst().orElseThrow()).containsSubsequence("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(events).contains("videoconversion/vc-events").contains("JobCreated");
  }

  @Test
  void explainDescribesTheCustomResources() throws Exception {
    assertThat(kubectl("explain", "vc")).contains("KIND:", "VideoConversion", "spec");
    assertThat(kubectl("explain", "vc.spec.output.bitrate")).contains("Target bitrate");
  }

  private static void event(KubernetesClient client, String name, String object, String uid, String reason, String message) {
    client.v1().events().inNamespace("video2mp3").resource(new EventBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewInvolvedObject().withApiVersion("video2mp3.io/v1alpha1").withKind("VideoConversion").withName(object)
        .withNamespace("video2mp3").withUid(uid).endInvolvedObject().withReason(reason).withMessage(message)
        .withType("Normal").withLastTimestamp(java.time.Instant.now().toString()).build()).create();
  }
}
