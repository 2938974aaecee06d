package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.conversion.validation.VideoConversionSpecValidator;
import io.video2mp3.api.messaging.ConfirmedPublisher.PublishException;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.ConversionsSpec;
import io.video2mp3.operator.reconcile.ErrorConditions;
import io.video2mp3.operator.reconcile.ReconcileFailure;
import io.video2mp3.operator.reconcile.ReconcileRetry;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a VideoConversion into one Job. Thin: it reads the state (status, the Job from the
 * informer cache, the Pod's termination message once the Job finished, progress from MongoDB),
 * asks {@link Admission} and {@link StatusLogic} what the new status is, and writes it. A finished
 * conversion is deleted once {@link Retention} says it expired. An invalid spec fails at once
 * without a Job; a reconcile that throws shows on the status (see {@link #updateErrorStatus}) and
 * is retried without end, at most a minute apart.
 */
@ControllerConfiguration(name = VideoConversionReconciler.NAME)
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
    intervalMultiplier = ReconcileRetry.MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
public class VideoConversionReconciler implements Reconciler<VideoConversion>, Cleaner<VideoConversion> {

  public static final String NAME = "videoconversion";
  static final String JOB_SOURCE = "jobs";
  static final String PROGRESS_SOURCE = "progress";
  static final String PLATFORM_SOURCE = "platforms";
  private static final Logger LOG = LoggerFactory.getLogger(VideoConversionReconciler.class);

  private final KubernetesClient client;
  private final JobPods jobPods;
  private final ConversionJobBuilder jobBuilder;
  private final ConversionStore store;
  private final DeliveryMirror deliveries;
  private final FinishedNotifier notifier;
  private final ResourceEvents events;
  private final Timing timing;
  /** A namespace's settings when it has no ConversionPlatform. */
  private final ConversionSettings environment;
  private final Clock clock;

  private final AdmissionGate gate = new AdmissionGate();
  /** Confirmed by the broker, status.notified not written yet: do not publish again. */
  private final Set<String> confirmedUids = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> notifyFailures = new ConcurrentHashMap<>();
  private volatile InformerEventSource<Job, VideoConversion> jobSource;
  /** The ConversionPlatforms, whose {@code spec.conversions} set their namespace's {@link ConversionSettings}. */
  private volatile InformerEventSource<ConversionPlatform, VideoConversion> platformSource;

  /**
   * How often queued conversions re-check for a slot without being woken (a safety net: a freed
   * slot wakes them at once), progress is polled, running ones are looked at without an event, and
   * the longest wait between attempts to publish ConversionFinished.
   */
  public record Timing(Duration queuedRecheck, Duration progressPoll, Duration runningResync,
      Duration maxNotifyBackoff) {
    public static final Timing DEFAULT = new Timing(Duration.ofMinutes(1), Duration.ofSeconds(2),
        Duration.ofMinutes(2), Duration.ofMinutes(5));
  }

  public VideoConversionReconciler(KubernetesClient client, ConversionJobBuilder jobBuilder, ConversionStore store,
      FinishedNotifier notifier, ResourceEvents events, ConversionSettings environment, Timing timing, Clock clock) {
    this.client = client;
    this.jobPods = new JobPods(client);
    this.jobBuilder = jobBuilder;
    this.store = store;
    this.deliveries = new DeliveryMirror(store);
    this.notifier = notifier;
    this.events = events;
    this.environment = environment;
    this.timing = timing;
    this.clock = clock;
  }

  /** Conversions currently holding a slot, as last computed; for the metrics gauge. */
  public int runningConversions() {
    return gate.running();
  }

  @Override
  public List<EventSource<?, VideoConversion>> prepareEventSources(EventSourceContext<VideoConversion> context) {
    var jobConfig = InformerEventSourceConfiguration.from(Job.class, VideoConversion.class)
        .withName(JOB_SOURCE)
        .withLabelSelector(ConversionLabels.MANAGED_SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VideoConversion.class))
        .build();
    jobSource = new InformerEventSource<>(jobConfig, context);
    var progressConfig = new PerResourcePollingConfigurationBuilder<ProgressRecord, VideoConversion, String>(
        new ProgressFetcher(store, timing.progressPoll()), timing.progressPoll())
        .withName(PROGRESS_SOURCE)
        .build();
    var progressSource = new PerResourcePollingEventSource<>(ProgressRecord.class, context, progressConfig);
    var primaries = context.getPrimaryCache();
    var platformConfig = InformerEventSourceConfiguration.from(ConversionPlatform.class, VideoConversion.class)
        .withName(PLATFORM_SOURCE)
        // A platform's new conversion settings concern the queue of its namespace: wake its head.
        .withSecondaryToPrimaryMapper((ConversionPlatform p) -> gate.nextInLine(primaries,
            p.getMetadata().getNamespace(), settingsFor(p.getMetadata().getNamespace()).maxConcurrentJobs()))
        .<VideoConversion>withPrimaryToSecondaryMapper(vc -> platformsOf(namespace(vc)).stream()
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        // Status writes and changes to the MongoDB/RabbitMQ parts do not concern conversions.
        .withOnUpdateFilter((newer, older) -> !conversionsSpec(newer).equals(conversionsSpec(older)))
        .build();
    platformSource = new InformerEventSource<>(platformConfig, context);
    return List.of(jobSource, progressSource, gate.wakeups(), platformSource);
  }

  /** The settings of a namespace's conversions now: its ConversionPlatform's, else the environment's. */
  ConversionSettings settingsFor(String namespace) {
    return ConversionSettings.resolve(environment, platformsOf(namespace));
  }

  private List<ConversionPlatform> platformsOf(String namespace) {
    var source = platformSource;
    return source == null ? List.of() : source.list(namespace, p -> true).toList();
  }

  private static ConversionsSpec conversionsSpec(ConversionPlatform platform) {
    return Objects.requireNonNullElseGet(platform.getSpec(), ConversionPlatformSpec::new).conversionsOrDefaults();
  }

  @Override
  public UpdateControl<VideoConversion> reconcile(VideoConversion conversion, Context<VideoConversion> context) {
    VideoConversionStatus current = Objects.requireNonNullElseGet(conversion.getStatus(), VideoConversionStatus::new);
    if (StatusLogic.isTerminal(current)) {
      return notifyFinished(conversion, current, context);
    }
    Optional<Job> job = findJob(conversion, current, context);
    if (job.isEmpty() && current.getJobName() == null) {
      String problem = VideoConversionSpecValidator.problem(conversion.getSpec());
      return problem == null ? admit(conversion, current, context) : reject(conversion, current, problem, context);
    }
    if (job.isEmpty()) {
      VideoConversionStatus next = StatusLogic.jobVanished(current, generation(conversion), clock.instant());
      events.warning(conversion, ResourceEvents.FAILED, next.getMessage());
      return finishAndNotify(conversion, next, context);
    }
    return follow(conversion, current, job.get(), context);
  }

  /** An invalid spec: Failed now, no Job, no attempt, no slot; nobody is notified (it was never admitted). */
  private UpdateControl<VideoConversion> reject(VideoConversion conversion, VideoConversionStatus current,
      String problem, Context<VideoConversion> context) {
    VideoConversionStatus next = StatusLogic.invalid(current, generation(conversion), problem, clock.instant());
    events.warning(conversion, ResourceEvents.INVALID_SPEC, next.getMessage());
    LOG.info("{}/{} is invalid: {}", namespace(conversion), conversion.getMetadata().getName(), problem);
    patch(conversion, context, current, next);
    return expireWhenDue(conversion, next);
  }

  private UpdateControl<VideoConversion> admit(VideoConversion conversion, VideoConversionStatus current,
      Context<VideoConversion> context) {
    ConversionSettings settings = settingsFor(namespace(conversion));
    AdmittedRequest request = conversion.request();
    AdmissionGate.Outcome outcome = gate.admit(conversion, context.getPrimaryCache(), settings.maxConcurrentJobs(),
        () -> createJob(conversion, request, settings));
    Instant now = clock.instant();
    if (outcome.job() == null) {
      Admission.Decision decision = outcome.decision();
      VideoConversionStatus next = StatusLogic.queued(current, generation(conversion), decision.running(),
          settings.maxConcurrentJobs(), decision.position(), now);
      if (current.getPhase() != Phase.Queued) {
        events.normal(conversion, ResourceEvents.QUEUED, next.getMessage());
      }
      return patch(conversion, context, current, next).rescheduleAfter(timing.queuedRecheck());
    }
    String jobName = outcome.job().getMetadata().getName();
    events.normal(conversion, ResourceEvents.JOB_CREATED, "created Job " + jobName);
    LOG.info("admitted {}/{}: Job {} created", namespace(conversion), conversion.getMetadata().getName(), jobName);
    VideoConversionStatus next = StatusLogic.jobCreated(current, generation(conversion), jobName, request, now);
    return patch(conversion, context, current, next).rescheduleAfter(timing.runningResync());
  }

  /** Creates the Job; an existing one of this conversion (a restart between create and status write) is adopted. */
  private Job createJob(VideoConversion conversion, AdmittedRequest request, ConversionSettings settings) {
    Job desired = jobBuilder.build(conversion, request, settings);
    Job job;
    try {
      job = client.batch().v1().jobs().inNamespace(namespace(conversion)).resource(desired).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      job = client.batch().v1().jobs().inNamespace(namespace(conversion)).withName(desired.getMetadata().getName()).get();
      if (job == null || !ownedBy(job, conversion)) {
        throw new IllegalStateException("a Job named " + desired.getMetadata().getName()
            + " exists and does not belong to this conversion", e);
      }
    }
    if (jobSource != null) {
      jobSource.handleRecentResourceCreate(ResourceID.fromResource(job), job);
    }
    return job;
  }

  private UpdateControl<VideoConversion> follow(VideoConversion conversion, VideoConversionStatus current, Job job,
      Context<VideoConversion> context) {
    VideoConversionStatus base = current;
    if (current.getJobName() == null) {
      // Restarted after creating the Job but before recording it: adopt it, never create another.
      base = StatusLogic.jobCreated(current, generation(conversion), job.getMetadata().getName(),
          conversion.request(), Optional.ofNullable(job.getMetadata().getCreationTimestamp()).map(Instant::parse).orElse(clock.instant()));
    }
    JobObservation observation = JobObservation.of(job);
    Optional<TerminationMessage> termination = observation.finished()
        ? jobPods.lastTermination(namespace(conversion), job.getMetadata().getName())
        : Optional.empty();
    VideoConversionStatus next = StatusLogic.fromJob(base, generation(conversion), observation, termination,
        defaultOutput(conversion), clock.instant());
    if (!StatusLogic.isTerminal(next)) {
      Integer percent = context.getSecondaryResource(ProgressRecord.class, PROGRESS_SOURCE)
          .map(ProgressRecord::percent).orElse(null);
      next = StatusLogic.progress(next, percent);
      return patch(conversion, context, current, next).rescheduleAfter(timing.runningResync());
    }
    gate.forget(conversion);
    if (next.getPhase() == Phase.Succeeded) {
      events.normal(conversion, ResourceEvents.SUCCEEDED, "the MP3 is ready");
    } else {
      events.warning(conversion, ResourceEvents.FAILED, next.getMessage());
    }
    LOG.info("{}/{} {}: {}", namespace(conversion), conversion.getMetadata().getName(), next.getPhase(),
        Objects.requireNonNullElse(next.getMessage(), ""));
    return finishAndNotify(conversion, next, context);
  }

  /**
   * Writes a terminal status, with notified=true already if the broker confirms right away, then
   * wakes the queue: the slot is free once the terminal status is in the cache, which the write
   * guarantees before it returns.
   */
  private UpdateControl<VideoConversion> finishAndNotify(VideoConversion conversion, VideoConversionStatus next,
      Context<VideoConversion> context) {
    VideoConversionStatus original = conversion.getStatus();
    boolean notified = tryNotify(conversion, next);
    VideoConversionStatus written = notified ? StatusLogic.notified(next) : next;
    UpdateControl<VideoConversion> control = patch(conversion, context, original, written);
    wakeQueued(context, namespace(conversion));
    Instant now = clock.instant();
    return notified
        ? deliveries.recheck(written, now, control.rescheduleAfter(
            retention(conversion, written, now).recheckAfter(now, Retention.MAX_RECHECK)))
        : control.rescheduleAfter(notifyBackoff(conversion));
  }

  private void wakeQueued(Context<VideoConversion> context, String namespace) {
    gate.wake(context.getPrimaryCache(), namespace, settingsFor(namespace).maxConcurrentJobs());
  }

  /**
   * A finished conversion: notify its owner once, mirror how the mail went, then keep it until its
   * retention runs out. One that never had a Job (an invalid spec) was never admitted: there is
   * nobody to notify.
   */
  private UpdateControl<VideoConversion> notifyFinished(VideoConversion conversion, VideoConversionStatus current,
      Context<VideoConversion> context) {
    VideoConversionStatus status = current;
    if (Boolean.TRUE.equals(current.getNotified()) || current.getJobName() == null) {
      confirmedUids.remove(conversion.getMetadata().getUid());
    } else if (tryNotify(conversion, current)) {
      status = StatusLogic.notified(current);
    } else {
      return UpdateControl.<VideoConversion>noUpdate().rescheduleAfter(notifyBackoff(conversion));
    }
    status = deliveries.mirror(conversion, status);
    patch(conversion, context, current, status); // also drops a reconcile error that a retry got past
    return deliveries.recheck(status, clock.instant(), expireWhenDue(conversion, status));
  }

  /** Deletes the conversion once its retention ran out (the finalizer removes Job and files), else looks again then. */
  private UpdateControl<VideoConversion> expireWhenDue(VideoConversion conversion, VideoConversionStatus status) {
    Instant now = clock.instant();
    Retention.Verdict verdict = retention(conversion, status, now);
    if (!verdict.expired()) {
      return UpdateControl.<VideoConversion>noUpdate().rescheduleAfter(verdict.recheckAfter(now, Retention.MAX_RECHECK));
    }
    String ns = namespace(conversion);
    String name = conversion.getMetadata().getName();
    int days = settingsFor(ns).retentionDays();
    String message = String.format("%s at %s, kept %d day%s (until %s): deleting it and its files",
        status.getPhase(), status.getCompletedAt(), days, days == 1 ? "" : "s",
        verdict.keepUntil().map(StatusLogic::rfc3339).orElse("?"));
    events.normal(conversion, ResourceEvents.EXPIRED, message);
    LOG.info("{}/{} expired: {}", ns, name, message);
    try {
      client.resources(VideoConversion.class).inNamespace(ns).withName(name).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    return UpdateControl.noUpdate();
  }

  private Retention.Verdict retention(VideoConversion conversion, VideoConversionStatus status, Instant now) {
    boolean settled = Boolean.TRUE.equals(status.getNotified()) || status.getJobName() == null;
    return Retention.decide(status.getPhase(), Retention.parseTimestamp(status.getCompletedAt()).orElse(null),
        settled, now, settingsFor(namespace(conversion)).retentionDays());
  }

  private boolean tryNotify(VideoConversion conversion, VideoConversionStatus status) {
    String uid = conversion.getMetadata().getUid();
    if (confirmedUids.contains(uid)) {
      return true;
    }
    try {
      notifier.publish(finishedEvent(conversion, status));
      confirmedUids.add(uid);
      notifyFailures.remove(uid);
      return true;
    } catch (PublishException | RuntimeException e) {
      int failures = notifyFailures.merge(uid, 1, Integer::sum);
      LOG.warn("ConversionFinished for {}/{} not confirmed (attempt {}), will retry: {}", namespace(conversion),
          conversion.getMetadata().getName(), failures, e.getMessage());
      return false;
    }
  }

  private Duration notifyBackoff(VideoConversion conversion) {
    int failures = notifyFailures.getOrDefault(conversion.getMetadata().getUid(), 1);
    long seconds = 1L << Math.min(Math.max(failures, 1), 9);
    Duration backoff = Duration.ofSeconds(seconds);
    return backoff.compareTo(timing.maxNotifyBackoff()) > 0 ? timing.maxNotifyBackoff() : backoff;
  }

  static ConversionFinished finishedEvent(VideoConversion conversion, VideoConversionStatus status) {
    var meta = conversion.getMetadata();
    AdmittedRequest request = conversion.request();
    Instant finishedAt = status.getCompletedAt() == null ? Instant.now() : Instant.parse(status.getCompletedAt());
    return ConversionFinished.of(meta.getNamespace(), meta.getName(), meta.getUid(), status.getPhase(),
        status.getPhase() == Phase.Succeeded ? status.getOutput() : null, request.owner(),
        request.source() == null ? null : request.source().filename(),
        status.getMessage() == null ? "" : status.getMessage(), finishedAt);
  }

  @Override
  public DeleteControl cleanup(VideoConversion conversion, Context<VideoConversion> context) {
    String ns = namespace(conversion);
    String jobName = Optional.ofNullable(conversion.getStatus()).map(VideoConversionStatus::getJobName)
        .orElse(ConversionJobBuilder.jobName(conversion.getMetadata().getName()));
    boolean freesSlot = gate.occupiesSlot(conversion);
    gate.forget(conversion);
    try {
      client.batch().v1().jobs().inNamespace(ns).withName(jobName)
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    if (freesSlot) {
      // Being deleted, it no longer counts against the limit (its Job is going too).
      wakeQueued(context, ns);
    }
    try {
      store.deleteFiles(conversion);
    } catch (RuntimeException e) {
      LOG.warn("could not delete the files of {}/{} yet: {}", ns, conversion.getMetadata().getName(), e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(10));
    }
    confirmedUids.remove(conversion.getMetadata().getUid());
    notifyFailures.remove(conversion.getMetadata().getUid());
    LOG.info("deleted {}/{} with its Job and files", ns, conversion.getMetadata().getName());
    return DeleteControl.defaultDelete();
  }

  private Optional<Job> findJob(VideoConversion conversion, VideoConversionStatus status,
      Context<VideoConversion> context) {
    String expected = status.getJobName() != null ? status.getJobName()
        : ConversionJobBuilder.jobName(conversion.getMetadata().getName());
    Optional<Job> cached = context.getSecondaryResources(Job.class).stream()
        .filter(j -> expected.equals(j.getMetadata().getName()))
        .findFirst();
    if (cached.isPresent() || status.getJobName() == null) {
      return cached;
    }
    // Recorded but not in the cache: ask the API server before concluding the Job is gone.
    return Optional.ofNullable(client.batch().v1().jobs().inNamespace(namespace(conversion)).withName(expected).get())
        .filter(j -> ownedBy(j, conversion));
  }

  /**
   * Replaces the status (optimistic locking on the resource version) and puts the result in the
   * informer cache, so the next reconcile sees it. Not UpdateControl.patchStatus: its JSON Patch is
   * computed against a status the API server may not have yet (a new resource's status is absent on
   * the server but initialised by the Java type), which the server refuses. A replace rather than a
   * merge patch: a dropped condition must go, and the mock API server merges lists in a merge patch.
   */
  private UpdateControl<VideoConversion> patch(VideoConversion conversion, Context<VideoConversion> context,
      VideoConversionStatus before, VideoConversionStatus next) {
    // This reconcile got this far: a failure of an earlier one is over.
    VideoConversionStatus written = StatusLogic.copy(next);
    written.setConditions(ErrorConditions.recovered(next.getConditions()));
    writeStatus(conversion, context, before, written);
    return UpdateControl.noUpdate();
  }

  private static void writeStatus(VideoConversion conversion, Context<VideoConversion> context,
      VideoConversionStatus before, VideoConversionStatus next) {
    if (before != null && Serialization.asJson(before).equals(Serialization.asJson(next))) {
      return;
    }
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(conversion, context, r -> {
      r.setStatus(next);
      return r;
    });
  }

  /**
   * A reconcile threw (the API server refused the Job, MongoDB is down...): say so on the resource,
   * with the API server's reason and message, and as a Warning Event; JOSDK retries it
   * ({@link ReconcileRetry}), and the first reconcile that succeeds drops the condition again.
   */
  @Override
  public ErrorStatusUpdateControl<VideoConversion> updateErrorStatus(VideoConversion conversion,
      Context<VideoConversion> context, Exception e) {
    ReconcileFailure failure = ReconcileFailure.of(e);
    // The freshest copy: this reconcile may have written the status before it failed.
    VideoConversion latest = context.getPrimaryCache().get(ResourceID.fromResource(conversion)).orElse(conversion);
    VideoConversionStatus current = latest.getStatus();
    LOG.warn("reconcile of {}/{} failed, will retry: {}: {}", namespace(conversion), conversion.getMetadata().getName(),
        failure.reason(), failure.message());
    events.warning(conversion, ResourceEvents.RECONCILE_ERROR, failure.reason() + ": " + failure.message());
    try {
      writeStatus(latest, context, current,
          StatusLogic.reconcileError(current, generation(conversion), failure, clock.instant()));
    } catch (RuntimeException statusFailed) {
      LOG.warn("could not record the error on {}/{}: {}", namespace(conversion), conversion.getMetadata().getName(),
          statusFailed.getMessage());
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private static ConversionOutput defaultOutput(VideoConversion conversion) {
    OutputSpec output = conversion.getSpec().getOutput();
    return new ConversionOutput(conversion.getMetadata().getUid(), null, null,
        output == null || output.bitrate() == null ? OutputSpec.DEFAULT_BITRATE : output.bitrate());
  }

  private static boolean ownedBy(Job job, VideoConversion conversion) {
    return job.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Objects.equals(o.getUid(), conversion.getMetadata().getUid()));
  }

  private static long generation(VideoConversion conversion) {
    return Objects.requireNonNullElse(conversion.getMetadata().getGeneration(), 1L);
  }

  private static String namespace(VideoConversion conversion) {
    return conversion.getMetadata().getNamespace();
  }
}
