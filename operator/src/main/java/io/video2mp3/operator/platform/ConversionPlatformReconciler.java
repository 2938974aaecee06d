package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformStatus;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.reconcile.ErrorConditions;
import io.video2mp3.operator.reconcile.ReconcileFailure;
import io.video2mp3.operator.reconcile.ReconcileRetry;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a ConversionPlatform into a MongoDB replica set and a RabbitMQ cluster. Thin: the
 * builders say what the objects are, {@link OwnedResources} makes them so, the replica set and the
 * queues are brought up once their members are ready, and {@link PlatformStatusLogic} says what
 * the status is. A service that is not there yet gives a condition and a recheck, never an error;
 * a refused request shows on the status and as an Event, and is retried without end.
 */
@ControllerConfiguration(name = ConversionPlatformReconciler.NAME)
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
    intervalMultiplier = ReconcileRetry.MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
public class ConversionPlatformReconciler implements Reconciler<ConversionPlatform> {

  public static final String NAME = "conversionplatform";
  private static final Logger LOG = LoggerFactory.getLogger(ConversionPlatformReconciler.class);

  private final OwnedResources owned;
  private final PlatformSecrets secrets;
  private final ReplicaSetManager replicaSets;
  private final TopologyDeclarer topology;
  private final PlatformAddresses addresses;
  private final ResourceEvents events;
  private final Timing timing;
  private final Clock clock;

  /**
   * How soon a platform that is not ready yet is looked at again (besides StatefulSet events), how
   * often a ready one is re-checked (the queues re-declared, the replica set re-examined), and how
   * long a step may wait for MongoDB or RabbitMQ to answer.
   */
  public record Timing(Duration notReadyRecheck, Duration readyResync, Duration dependencyTimeout) {
    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofMinutes(5),
        Duration.ofSeconds(5));
  }

  public ConversionPlatformReconciler(OwnedResources owned, PlatformSecrets secrets, ReplicaSetManager replicaSets,
      TopologyDeclarer topology, PlatformAddresses addresses, ResourceEvents events, Timing timing, Clock clock) {
    this.owned = owned;
    this.secrets = secrets;
    this.replicaSets = replicaSets;
    this.topology = topology;
    this.addresses = addresses;
    this.events = events;
    this.timing = timing;
    this.clock = clock;
  }

  /** StatefulSet status changes (members becoming ready) trigger a reconcile of their platform. */
  @Override
  public List<EventSource<?, ConversionPlatform>> prepareEventSources(EventSourceContext<ConversionPlatform> context) {
    var config = InformerEventSourceConfiguration.from(StatefulSet.class, ConversionPlatform.class)
        .withName("statefulsets")
        .withLabelSelector(PlatformLabels.MANAGED_SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(ConversionPlatform.class))
        .build();
    return List.of(new InformerEventSource<>(config, context));
  }

  @Override
  public UpdateControl<ConversionPlatform> reconcile(ConversionPlatform platform, Context<ConversionPlatform> context) {
    PlatformNames names = PlatformNames.of(platform);
    int mongodbMembers = platform.getSpec().mongodbOrDefaults().replicas();
    int rabbitmqWanted = platform.getSpec().rabbitmqOrDefaults().replicas();

    Secret mongodbSecret = owned.ensureSecret(platform, names.mongodbSecret(), live -> secrets.mongodb(platform, live));
    Secret rabbitmqSecret = owned.ensureSecret(platform, names.rabbitmqSecret(),
        live -> secrets.rabbitmq(platform, live));
    MongoCredentials mongodbCredentials = PlatformSecrets.mongoCredentials(mongodbSecret);
    RabbitCredentials rabbitmqCredentials = PlatformSecrets.rabbitCredentials(rabbitmqSecret);
    owned.apply(platform, PlatformSecrets.connection(platform, mongodbCredentials, rabbitmqCredentials, mongodbMembers));

    owned.apply(platform, MongoDbResources.headlessService(platform));
    owned.apply(platform, MongoDbResources.clientService(platform));
    owned.apply(platform, MongoDbResources.disruptionBudget(platform));
    // The replica set step runs before the StatefulSet is sized: a member leaves the config first,
    // and only then loses its pod (scaling down the other way round removes live voting members).
    Optional<StatefulSet> liveMongodb = owned.get(platform, MongoDbResources.statefulSet(platform));
    int liveMongodbReady = liveMongodb.map(ConversionPlatformReconciler::readyMembers).orElse(0);
    // replSetInitiate needs every member to answer; a member is added once its pod is ready.
    Optional<ReplicaSetManager.Result> replicaSet = liveMongodb.isPresent() && liveMongodbReady >= mongodbMembers
        ? Optional.of(replicaSets.ensure(new ReplicaSetManager.Target(addresses.mongodbMembers(names, mongodbMembers),
            PlatformNames.REPLICA_SET, mongodbCredentials, StorageLayout.DEFAULT_DATABASE)))
        : Optional.empty();
    StatefulSet mongodb = owned.apply(platform, MongoDbResources.statefulSet(platform,
        mongodbPods(mongodbMembers, liveMongodb, replicaSet)));
    Optional<String> mongodbStorage = StorageChange.pending("spec.mongodb.storage",
        platform.getSpec().mongodbOrDefaults().storage(), mongodb);

    owned.apply(platform, RabbitMqResources.serviceAccount(platform));
    owned.apply(platform, RabbitMqResources.peerDiscoveryRole(platform));
    owned.apply(platform, RabbitMqResources.peerDiscoveryRoleBinding(platform));
    owned.apply(platform, RabbitMqResources.config(platform));
    owned.apply(platform, RabbitMqResources.headlessService(platform));
    owned.apply(platform, RabbitMqResources.clientService(platform));
    owned.apply(platform, RabbitMqResources.disruptionBudget(platform));
    Optional<StatefulSet> liveRabbitmq = owned.get(platform, RabbitMqResources.statefulSet(platform));
    Optional<String> rabbitmqScaleDown = RabbitMqScaleDown.refused(rabbitmqWanted, liveRabbitmq.orElse(null));
    // A refused scale-down keeps the nodes that run, and the status counts those.
    int rabbitmqMembers = RabbitMqScaleDown.replicas(rabbitmqWanted, liveRabbitmq.orElse(null));
    StatefulSet rabbitmq = owned.apply(platform, RabbitMqResources.statefulSet(platform, rabbitmqMembers));
    Optional<String> rabbitmqStorage = StorageChange.pending("spec.rabbitmq.storage",
        platform.getSpec().rabbitmqOrDefaults().storage(), rabbitmq);

    int mongodbReady = readyMembers(mongodb);
    int rabbitmqReady = readyMembers(rabbitmq);
    // Declaring quorum queues wants the whole cluster.
    Optional<StepOutcome> queues = rabbitmqReady >= rabbitmqMembers
        ? Optional.of(topology.declare(addresses.rabbitmqUri(names, rabbitmqCredentials)))
        : Optional.empty();

    var seen = new PlatformStatusLogic.Observation(mongodbMembers, mongodbReady,
        replicaSet.map(ReplicaSetManager.Result::outcome), rabbitmqMembers,
        rabbitmqReady, queues, names.connectionSecret());
    long generation = Optional.ofNullable(platform.getMetadata().getGeneration()).orElse(0L);
    ConversionPlatformStatus next = PlatformStatusLogic.next(platform.getStatus(), generation, clock.instant(), seen);
    PlatformStatusLogic.set(next.getConditions(), StorageChange.CONDITION,
        StorageChange.outcome(mongodbStorage, rabbitmqStorage), generation, clock.instant());
    PlatformStatusLogic.set(next.getConditions(), RabbitMqScaleDown.CONDITION,
        RabbitMqScaleDown.outcome(rabbitmqScaleDown), generation, clock.instant());
    // This reconcile got this far: a failure of an earlier one is over.
    next.setConditions(ErrorConditions.recovered(next.getConditions()));
    new PlatformEvents(events).announce(platform, platform.getStatus(), next);
    writeStatus(platform, context, next);
    if (!seen.allReady()) {
      LOG.debug("{}/{} not ready: {}", names.namespace(), names.platform(), next.getConditions());
    }
    return UpdateControl.<ConversionPlatform>noUpdate()
        .rescheduleAfter(seen.allReady() ? timing.readyResync() : timing.notReadyRecheck());
  }

  /**
   * A reconcile threw (the API server refused a Secret or StatefulSet, for example): say so on the
   * status with the API server's reason and message, and as a Warning Event; JOSDK retries it.
   */
  @Override
  public ErrorStatusUpdateControl<ConversionPlatform> updateErrorStatus(ConversionPlatform platform,
      Context<ConversionPlatform> context, Exception e) {
    ReconcileFailure failure = ReconcileFailure.of(e);
    ConversionPlatform latest = context.getPrimaryCache().get(ResourceID.fromResource(platform)).orElse(platform);
    LOG.warn("reconcile of ConversionPlatform {}/{} failed, will retry: {}: {}", platform.getMetadata().getNamespace(),
        platform.getMetadata().getName(), failure.reason(), failure.message());
    events.warning(platform, ResourceEvents.RECONCILE_ERROR, failure.reason() + ": " + failure.message());
    ConversionPlatformStatus next = latest.getStatus() == null ? new ConversionPlatformStatus()
        : context.getClient().getKubernetesSerialization().clone(latest.getStatus());
    next.setConditions(ErrorConditions.failing(next.getConditions(),
        failure, Optional.ofNullable(platform.getMetadata().getGeneration()).orElse(0L), clock.instant()));
    try {
      writeStatus(latest, context, next);
    } catch (RuntimeException statusFailed) {
      LOG.warn("could not record the error on ConversionPlatform {}: {}", platform.getMetadata().getName(),
          statusFailed.getMessage());
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /**
   * The MongoDB pods to run: the spec's members, but never fewer than the replica set's config
   * still has (a member is removed from the config first), nor fewer than run now while the config
   * cannot be read (removing pods blind could take a majority away).
   */
  static int mongodbPods(int wanted, Optional<StatefulSet> live, Optional<ReplicaSetManager.Result> replicaSet) {
    Optional<Integer> configured = replicaSet.flatMap(ReplicaSetManager.Result::configuredMembers);
    int floor = configured.orElseGet(() -> live.map(s -> s.getSpec().getReplicas()).orElse(0));
    return Math.max(wanted, floor);
  }

  private static int readyMembers(StatefulSet set) {
    return Optional.ofNullable(set.getStatus()).map(s -> s.getReadyReplicas()).orElse(0);
  }

  /**
   * Replaces the status (optimistic locking on the resource version: a conflict is retried by
   * JOSDK) and puts it in the cache at once. A replace rather than a merge patch: the mock API
   * server merges the conditions list into the old one instead of replacing it.
   */
  private static void writeStatus(ConversionPlatform platform, Context<ConversionPlatform> context,
      ConversionPlatformStatus next) {
    if (platform.getStatus() != null && Serialization.asJson(platform.getStatus()).equals(Serialization.asJson(next))) {
      return;
    }
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(platform, context, r -> {
      r.setStatus(next);
      return r;
    });
  }
}
