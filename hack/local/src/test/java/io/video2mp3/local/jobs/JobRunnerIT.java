package io.video2mp3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.local.kube.LocalKubeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local Job runner against the local Kubernetes API, with shell commands as containers. */
class JobRunnerIT {

  private static final String NS = "jobs-it";
  @TempDir
  static Path workDir;
  private static LocalKubeApi api;
  private static KubernetesClient client;
  private static JobRunner runner;

  @BeforeAll
  static void start() {
    api = LocalKubeApi.start(0);
    api.ensureNamespace(NS);
    client = api.client();
    runner = new JobRunner(client, new JobRunnerSettings(workDir, Map.of("/app/tool.sh", "/bin/sh"),
        JobRunnerSettings.currentJava(), Map.of("PATH", System.getenv("PATH")), 2, Duration.ofSeconds(2),
        Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(100)));
    runner.start();
  }

  @AfterAll
  static void stop() {
    runner.close();
    client.close();
    api.close();
  }

  private static Job job(String name, String script, int backoffLimit, Long deadline) {
    return new JobBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec()
          .withBackoffLimit(backoffLimit)
          .withActiveDeadlineSeconds(deadline)
          .withTtlSecondsAfterFinished(3600)
          .withNewPodFailurePolicy()
            .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName("converter")
              .withOperator("In").withValues(2).endOnExitCodes().endRule()
          .endPodFailurePolicy()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "it").endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
              .addNewContainer()
                .withName("converter").withImage("video2mp3/operator:latest")
                .withCommand("/app/tool.sh", "-c", script)
                .addNewEnv().withName("TERMINATION_LOG").withValue("/dev/termination-log").endEnv()
                .addNewEnv().withName("SCRATCH_DIR").withValue("/scratch").endEnv()
                .addNewEnv().withName("SECRET_VALUE").withNewValueFrom().withNewSecretKeyRef()
                  .withName("it-secret").withKey("VALUE").endSecretKeyRef().endValueFrom().endEnv()
                .withTerminationMessagePath("/dev/termination-log")
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .addNewVolumeMount().withName("scratch").withMountPath("/scratch").endVolumeMount()
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  private static void secret() {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("it-secret").endMetadata()
        .addToStringData("VALUE", "s3cret").build()).createOr(r -> r.update());
  }

  private static Job created(Job job) {
    secret();
    return client.batch().v1().jobs().inNamespace(NS).resource(job).create();
  }

  private static Optional<JobCondition> condition(String name, String type) {
    Job job = client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }

  private static List<Pod> pods(String job) {
    return client.pods().inNamespace(NS).withLabel("job-name", job).list().getItems();
  }

  @Test
  void successWritesTheTerminationMessageAndCompletesTheJob() {
    created(job("ok", "echo \"{\\\"status\\\":\\\"Succeeded\\\",\\\"secret\\\":\\\"$SECRET_VALUE\\\"}\" > $TERMINATION_LOG;"
        + " touch $SCRATCH_DIR/written; exit 0", 2, 60L));

    await().atMost(Duration.ofSeconds(20)).until(() -> condition("ok", "Complete").isPresent());
    Job job = client.batch().v1().jobs().inNamespace(NS).withName("ok").get();
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(job.getStatus().getFailed()).isNull();
    assertThat(job.getStatus().getActive()).isNull();
    assertThat(job.getStatus().getStartTime()).isNotNull();
    assertThat(job.getStatus().getCompletionTime()).isNotNull();
    List<Pod> pods = pods("ok");
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getMetadata().getLabels()).containsEntry("batch.kubernetes.io/job-name", "ok").containsEntry("app", "it");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    var terminated = pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getMessage()).isEqualTo("{\"status\":\"Succeeded\",\"secret\":\"s3cret\"}");
    assertThat(workDir.resolve(NS).resolve(pod.getMetadata().getName()).resolve("volumes/scratch/written")).exists();
  }

  @Test
  void exitTwoFailsTheJobAtOnceByThePodFailurePolicy() {
    created(job("exit2", "echo '{\"status\":\"Failed\",\"message\":\"no audio stream\"}' > $TERMINATION_LOG; exit 2", 3, 60L));

    await().atMost(Duration.ofSeconds(20)).until(() -> condition("exit2", "Failed").isPresent());
    JobCondition failed = condition("exit2", "Failed").orElseThrow();
    assertThat(failed.getReason()).isEqualTo("PodFailurePolicy");
    assertThat(client.batch().v1().jobs().inNamespace(NS).withName("exit2").get().getStatus().getFailed()).isEqualTo(1);
    List<Pod> pods = pods("exit2");
    assertThat(pods).hasSize(1);
    var terminated = pods.get(0).getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(2);
    assertThat(terminated.getMessage()).contains("no audio stream");
  }

  @Test
  void otherFailuresAreRetriedUpToTheBackoffLimitAndFallBackToTheLog() {
    created(job("flaky", "echo boom from the log; exit 1", 1, 60L));

    await().atMost(Duration.ofSeconds(20)).until(() -> condition("flaky", "Failed").isPresent());
    assertThat(condition("flaky", "Failed").orElseThrow().getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(client.batch().v1().jobs().inNamespace(NS).withName("flaky").get().getStatus().getFailed()).isEqualTo(2);
    List<Pod> pods = pods("flaky");
    assertThat(pods).hasSize(2).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(p.getStatus().getContainerStatuses().get(0).getState().getTerminated().getMessage())
          .isEqualTo("boom from the log");
    });
  }

  @Test
  void activeDeadlineKillsTheProcessAndFailsTheJob() throws Exception {
    created(job("slow", "echo $$ > $SCRATCH_DIR/pid; exec sleep 60", 3, 1L));

    await().atMost(Duration.ofSeconds(20)).until(() -> condition("slow", "Failed").isPresent());
    assertThat(condition("slow", "Failed").orElseThrow().getReason()).isEqualTo("DeadlineExceeded");
    Pod pod = pods("slow").get(0);
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getReason())
        .isEqualTo("DeadlineExceeded");
    long pid = Long.parseLong(Files.readString(
        workDir.resolve(NS).resolve(pod.getMetadata().getName()).resolve("volumes/scratch/pid")).trim());
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void deletingTheJobStopsItsProcessAndDeletesItsPods() throws Exception {
    created(job("doomed", "echo $$ > $SCRATCH_DIR/pid; exec sleep 60", 3, 600L));
    await().atMost(Duration.ofSeconds(20)).until(() -> !pods("doomed").isEmpty()
        && "Running".equals(pods("doomed").get(0).getStatus().getPhase()));
    Path pidFile = workDir.resolve(NS).resolve(pods("doomed").get(0).getMetadata().getName()).resolve("volumes/scratch/pid");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(client.batch().v1().jobs().inNamespace(NS).withName("doomed").get().getStatus().getActive()).isEqualTo(1);

    client.batch().v1().jobs().inNamespace(NS).withName("doomed").delete();

    await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    await().atMost(Duration.ofSeconds(10)).until(() -> pods("doomed").isEmpty());
  }

  @Test
  void aMissingSecretKeepsThePodWaitingWithAReason() {
    client.batch().v1().jobs().inNamespace(NS).resource(new JobBuilder(job("nosecret", "exit 0", 0, 60L))
        .editSpec().editTemplate().editSpec().editFirstContainer().editMatchingEnv(e -> e.getName().equals("SECRET_VALUE"))
        .editValueFrom().editSecretKeyRef().withName("absent").endSecretKeyRef().endValueFrom().endEnv()
        .endContainer().endSpec().endTemplate().endSpec().build()).create();

    await().atMost(Duration.ofSeconds(20)).until(() -> !pods("nosecret").isEmpty()
        && pods("nosecret").get(0).getStatus().getContainerStatuses() != null
        && !pods("nosecret").get(0).getStatus().getContainerStatuses().isEmpty());
    var waiting = pods("nosecret").get(0).getStatus().getContainerStatuses().get(0).getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("CreateContainerConfigError");
    assertThat(waiting.getMessage()).contains("absent");
  }
}
