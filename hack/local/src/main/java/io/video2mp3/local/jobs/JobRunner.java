package io.video2mp3.local.jobs;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays Job controller and kubelet for the local Kubernetes API: for every batch/v1 Job it creates a
 * Pod, runs the pod's container command as a local process, and writes the Pod's and the Job's status
 * as Kubernetes would (termination message, active/succeeded/failed, Complete/Failed conditions with
 * the controller's reasons). One thread looks at all Jobs every tick; processes run on their own.
 */
public final class JobRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  static final int MAX_TERMINATION_MESSAGE = 4096;
  static final int FALLBACK_LOG_BYTES = 2048;
  static final int FALLBACK_LOG_LINES = 80;

  private final KubernetesClient client;
  private final JobRunnerSettings settings;
  private final PodLauncher launcher;
  private final Map<String, JobRun> runs = new HashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "local-job-runner");
    t.setDaemon(true);
    return t;
  });

  public JobRunner(KubernetesClient client, JobRunnerSettings settings) {
    this.client = client;
    this.settings = settings;
    this.launcher = new PodLauncher(client, settings);
  }

  public void start() {
    scheduler.scheduleWithFixedDelay(this::safeTick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      tick(Instant.now());
    } catch (KubernetesClientException e) {
      LOG.warn("job runner: Kubernetes API call failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("job runner: unexpected failure", e);
    }
  }

  /** One look at every Job. Package-private so tests may drive it. */
  synchronized void tick(Instant now) {
    List<Job> jobs = client.batch().v1().jobs().inAnyNamespace().list().getItems();
    Set<String> seen = new HashSet<>();
    for (Job job : jobs) {
      String uid = job.getMetadata().getUid();
      seen.add(uid);
      JobRun run = runs.computeIfAbsent(uid, u -> JobRun.adopt(job, JobPolicy.of(job, settings.retryBase(), settings.retryCap())));
      run.job = job;
    }
    for (var it = runs.entrySet().iterator(); it.hasNext(); ) {
      JobRun run = it.next().getValue();
      if (!seen.contains(run.uid)) {
        LOG.info("job {}/{} deleted: stopping its pod", run.namespace, run.name);
        if (run.current != null) {
          stop(run.current);
        }
        deletePods(run);
        it.remove();
      }
    }
    for (JobRun run : new ArrayList<>(runs.values())) {
      if (run.finished) {
        expire(run, now);
      } else {
        advance(run, now);
      }
    }
  }

  private void advance(JobRun run, Instant now) {
    if (run.startTime == null) {
      run.startTime = now.truncatedTo(ChronoUnit.SECONDS);
      writeJobStatus(run);
    }
    if (run.policy.deadlineExceeded(run.startTime, now)) {
      if (run.current != null) {
        stop(run.current);
        finishPod(run.current, 137, "DeadlineExceeded", "Pod was active on the node longer than the specified deadline", now);
        run.failed++;
        run.current = null;
      }
      finishJob(run, false, "DeadlineExceeded", "Job was active longer than specified deadline", now);
      return;
    }
    ActivePod pod = run.current;
    if (pod != null && pod.process != null && !pod.process.isAlive()) {
      onExit(run, pod, pod.process.exitValue(), now);
      return;
    }
    if (pod == null && !now.isBefore(run.nextAttemptAt)) {
      run.current = createPod(run, now);
      writeJobStatus(run);
      pod = run.current;
    }
    if (pod != null && pod.process == null && running() < settings.parallelism()) {
      startProcess(run, pod, now);
    }
  }

  private void onExit(JobRun run, ActivePod pod, int exitCode, Instant now) {
    String message = terminationMessage(pod.spec, exitCode);
    JobPolicy.Decision decision = run.policy.afterExit(exitCode, pod.spec.containerName(), run.failed);
    finishPod(pod, exitCode, exitCode == 0 ? "Completed" : "Error", message, now);
    run.current = null;
    LOG.info("job {}/{}: pod {} exited with {} → {}", run.namespace, run.name, pod.name, exitCode, decision.verdict());
    switch (decision.verdict()) {
      case SUCCEEDED -> {
        run.succeeded++;
        finishJob(run, true, "CompletionsReached", "Reached expected number of succeeded pods", now);
      }
      case FAIL_POLICY -> {
        run.failed++;
        finishJob(run, false, "PodFailurePolicy", "Container " + pod.spec.containerName() + " for pod " + run.namespace
            + "/" + pod.name + " failed with exit code " + exitCode + " matching FailJob rule at index "
            + decision.ruleIndex(), now);
      }
      case FAIL_BACKOFF -> {
        run.failed++;
        finishJob(run, false, "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
      }
      case RETRY -> {
        run.failed++;
        run.nextAttemptAt = now.plus(run.policy.retryDelay(run.failed));
        writeJobStatus(run);
      }
      case RETRY_UNCOUNTED -> {
        run.nextAttemptAt = now.plus(run.policy.retryDelay(1));
        writeJobStatus(run);
      }
    }
  }

  private ActivePod createPod(JobRun run, Instant now) {
    Job job = run.job;
    String podName = run.name + "-" + suffix();
    Map<String, String> labels = new HashMap<>();
    if (job.getSpec().getTemplate().getMetadata() != null && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
    }
    labels.put("job-name", run.name);
    labels.put("batch.kubernetes.io/job-name", run.name);
    labels.put("controller-uid", run.uid);
    labels.put("batch.kubernetes.io/controller-uid", run.uid);
    Pod pod = new PodBuilder()
        .withNewMetadata()
          .withName(podName)
          .withNamespace(run.namespace)
          .withLabels(labels)
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
              .withName(run.name).withUid(run.uid).withController(true).withBlockOwnerDeletion(true).build())
        .endMetadata()
        .withSpec(job.getSpec().getTemplate().getSpec())
        .editSpec().withNodeName("local").endSpec()
        .withStatus(new PodStatusBuilder().withPhase("Pending").build())
        .build();
    Pod created = client.pods().inNamespace(run.namespace).resource(pod).create();
    LOG.info("job {}/{}: created pod {}", run.namespace, run.name, podName);
    return new ActivePod(podName, created, null, null, null);
  }

  private void startProcess(JobRun run, ActivePod pod, Instant now) {
    LocalPodSpec spec;
    try {
      spec = launcher.prepare(pod.pod);
    } catch (PodLauncher.ConfigError e) {
      if (!Objects.equals(pod.waitingMessage, e.getMessage())) {
        pod.waitingMessage = e.getMessage();
        LOG.warn("job {}/{}: pod {} cannot start: {}", run.namespace, run.name, pod.name, e.getMessage());
        writePodStatus(pod, new PodStatusBuilder().withPhase("Pending")
            .withContainerStatuses(containerStatus(pod, new ContainerStateBuilder().withNewWaiting()
                .withReason("CreateContainerConfigError").withMessage(e.getMessage()).endWaiting().build()))
            .build());
      }
      return;
    }
    ProcessBuilder builder = new ProcessBuilder(spec.command())
        .directory(spec.workingDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(spec.logFile().toFile());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    try {
      pod.process = builder.start();
    } catch (IOException e) {
      // Like a container whose entrypoint is missing: the pod fails with 128.
      pod.spec = spec;
      pod.process = null;
      LOG.warn("job {}/{}: cannot run {}: {}", run.namespace, run.name, spec.command(), e.getMessage());
      writeString(spec.terminationLog(), "cannot start " + spec.command().get(0) + ": " + e.getMessage());
      onExit(run, pod, 128, now);
      return;
    }
    pod.spec = spec;
    pod.startedAt = now.truncatedTo(ChronoUnit.SECONDS);
    LOG.info("job {}/{}: pod {} running (pid {}), log {}", run.namespace, run.name, pod.name, pod.process.pid(), spec.logFile());
    writePodStatus(pod, new PodStatusBuilder().withPhase("Running").withStartTime(pod.startedAt.toString())
        .withHostIP("127.0.0.1").withPodIP("127.0.0.1")
        .withContainerStatuses(containerStatus(pod, new ContainerStateBuilder().withNewRunning()
            .withStartedAt(pod.startedAt.toString()).endRunning().build()))
        .build());
  }

  private void finishPod(ActivePod pod, int exitCode, String reason, String message, Instant now) {
    String finished = now.truncatedTo(ChronoUnit.SECONDS).toString();
    PodStatus status = new PodStatusBuilder()
        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
        .withReason("DeadlineExceeded".equals(reason) ? reason : null)
        .withStartTime(pod.startedAt == null ? null : pod.startedAt.toString())
        .withContainerStatuses(containerStatus(pod, new ContainerStateBuilder().withNewTerminated()
            .withExitCode(exitCode).withReason(reason).withMessage(message == null || message.isEmpty() ? null : message)
            .withStartedAt(pod.startedAt == null ? finished : pod.startedAt.toString()).withFinishedAt(finished)
            .endTerminated().build()))
        .build();
    writePodStatus(pod, status);
  }

  private ContainerStatus containerStatus(ActivePod pod, io.fabric8.kubernetes.api.model.ContainerState state) {
    var container = pod.pod.getSpec().getContainers().get(0);
    return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
        .withReady(state.getRunning() != null).withStarted(state.getRunning() != null).withRestartCount(0)
        .withState(state).build();
  }

  private void finishJob(JobRun run, boolean succeeded, String reason, String message, Instant now) {
    run.finished = true;
    run.completionTime = now.truncatedTo(ChronoUnit.SECONDS);
    String time = run.completionTime.toString();
    List<JobCondition> conditions = new ArrayList<>();
    conditions.add(condition(succeeded ? "SuccessCriteriaMet" : "FailureTarget", reason, message, time));
    conditions.add(condition(succeeded ? "Complete" : "Failed", reason, message, time));
    run.conditions = conditions;
    LOG.info("job {}/{} {}: {} ({})", run.namespace, run.name, succeeded ? "complete" : "failed", reason, message);
    writeJobStatus(run);
  }

  private static JobCondition condition(String type, String reason, String message, String time) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(time).withLastTransitionTime(time).build();
  }

  /** ttlSecondsAfterFinished: the finished Job and its pods go away, as with Kubernetes' TTL controller. */
  private void expire(JobRun run, Instant now) {
    Integer ttl = run.job.getSpec().getTtlSecondsAfterFinished();
    if (ttl == null || run.completionTime == null || now.isBefore(run.completionTime.plusSeconds(ttl))) {
      return;
    }
    LOG.info("job {}/{}: ttlSecondsAfterFinished ({}s) passed, deleting it", run.namespace, run.name, ttl);
    client.batch().v1().jobs().inNamespace(run.namespace).withName(run.name).delete();
    deletePods(run);
    runs.remove(run.uid);
  }

  private void writeJobStatus(JobRun run) {
    JobStatus status = new JobStatus();
    status.setStartTime(run.startTime == null ? null : run.startTime.toString());
    status.setActive(run.current == null || run.finished ? null : 1);
    status.setReady(run.current != null && run.current.process != null && !run.finished ? 1 : 0);
    status.setTerminating(0);
    status.setSucceeded(run.succeeded == 0 ? null : run.succeeded);
    status.setFailed(run.failed == 0 ? null : run.failed);
    status.setCompletionTime(run.finished && run.succeeded > 0 ? run.completionTime.toString() : null);
    status.setConditions(run.conditions);
    Job job = client.batch().v1().jobs().inNamespace(run.namespace).withName(run.name).get();
    if (job == null) {
      return;
    }
    job.setStatus(status);
    run.job = client.batch().v1().jobs().inNamespace(run.namespace).resource(job).updateStatus();
  }

  private void writePodStatus(ActivePod pod, PodStatus status) {
    Pod current = client.pods().inNamespace(pod.pod.getMetadata().getNamespace()).withName(pod.name).get();
    if (current == null) {
      return;
    }
    current.setStatus(status);
    pod.pod = client.pods().inNamespace(current.getMetadata().getNamespace()).resource(current).updateStatus();
  }

  private void deletePods(JobRun run) {
    client.pods().inNamespace(run.namespace).withLabel("controller-uid", run.uid).delete();
  }

  private int running() {
    return (int) runs.values().stream().filter(r -> r.current != null && r.current.process != null).count();
  }

  /** SIGTERM to the process and its children, then SIGKILL after the grace period. */
  private void stop(ActivePod pod) {
    Process process = pod.process;
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      // Synchronous on purpose: the pod's status is written only once its process is gone.
      if (!process.waitFor(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("pod {} did not stop within {}: killing it", pod.name, settings.killGrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The container's termination message, as the kubelet reads it (FallbackToLogsOnError: the log's tail). */
  static String terminationMessage(LocalPodSpec spec, int exitCode) {
    String message = "";
    try {
      if (Files.isRegularFile(spec.terminationLog())) {
        byte[] bytes = Files.readAllBytes(spec.terminationLog());
        message = new String(bytes, 0, Math.min(bytes.length, MAX_TERMINATION_MESSAGE), StandardCharsets.UTF_8);
      }
      if (message.isBlank() && exitCode != 0 && spec.fallbackToLogsOnError() && Files.isRegularFile(spec.logFile())) {
        List<String> lines = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - FALLBACK_LOG_LINES), lines.size()));
        message = tail.length() > FALLBACK_LOG_BYTES ? tail.substring(tail.length() - FALLBACK_LOG_BYTES) : tail;
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return message.strip();
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException ignored) {
      // best effort: only the message is lost
    }
  }

  private static String suffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Stops every process it started (the platform is shutting down). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    synchronized (this) {
      runs.values().stream().filter(r -> r.current != null).forEach(r -> stop(r.current));
    }
  }

  /** One pod of a Job: created (process null while Pending), then running. */
  private static final class ActivePod {
    final String name;
    Pod pod;
    Process process;
    LocalPodSpec spec;
    Instant startedAt;
    String waitingMessage;

    ActivePod(String name, Pod pod, Process process, LocalPodSpec spec, Instant startedAt) {
      this.name = name;
      this.pod = pod;
      this.process = process;
      this.spec = spec;
      this.startedAt = startedAt;
    }
  }

  /** What the runner knows about one Job. */
  private static final class JobRun {
    final String namespace;
    final String name;
    final String uid;
    final JobPolicy policy;
    Job job;
    Instant startTime;
    Instant nextAttemptAt = Instant.EPOCH;
    int failed;
    int succeeded;
    boolean finished;
    Instant completionTime;
    List<JobCondition> conditions = new ArrayList<>();
    ActivePod current;

    private JobRun(Job job, JobPolicy policy) {
      this.namespace = job.getMetadata().getNamespace();
      this.name = job.getMetadata().getName();
      this.uid = job.getMetadata().getUid();
      this.policy = policy;
      this.job = job;
    }

    /**
     * A Job seen for the first time: new, or left over from before a restart. A finished one stays
     * finished (only its TTL matters); an unfinished one gets a new pod, keeping its counts and start time.
     */
    static JobRun adopt(Job job, JobPolicy policy) {
      JobRun run = new JobRun(job, policy);
      JobStatus status = job.getStatus();
      if (status != null) {
        run.startTime = status.getStartTime() == null ? null : Instant.parse(status.getStartTime());
        run.failed = status.getFailed() == null ? 0 : status.getFailed();
        run.succeeded = status.getSucceeded() == null ? 0 : status.getSucceeded();
        if (status.getConditions() != null) {
          run.conditions = new ArrayList<>(status.getConditions());
          run.finished = status.getConditions().stream().anyMatch(c -> "True".equals(c.getStatus())
              && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
          if (run.finished) {
            String time = status.getCompletionTime() != null ? status.getCompletionTime()
                : status.getConditions().get(status.getConditions().size() - 1).getLastTransitionTime();
            run.completionTime = time == null ? Instant.now() : Instant.parse(time);
          }
        }
      }
      return run;
    }
  }
}
