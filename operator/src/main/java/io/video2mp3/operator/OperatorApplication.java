package io.video2mp3.operator;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.reconcile.ResourceEvents;
import io.video2mp3.operator.cleanup.LiveConversions;
import io.video2mp3.operator.cleanup.OrphanSweeper;
import io.video2mp3.operator.conversion.ConversionJobBuilder;
import io.video2mp3.operator.conversion.ConversionStore;
import io.video2mp3.operator.conversion.RabbitFinishedNotifier;
import io.video2mp3.operator.conversion.VideoConversionReconciler;
import io.video2mp3.operator.intake.ConversionCreator;
import io.video2mp3.operator.intake.IntakeConsumer;
import io.video2mp3.operator.platform.PlatformWiring;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator program: the VideoConversion and ConversionPlatform controllers (JOSDK), the intake of queue {@code video},
 * and a small HTTP server for health and metrics. {@link #start} wires everything against a given
 * Kubernetes client so tests run exactly this wiring against a mock API server.
 */
public final class OperatorApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorApplication.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean started;
  private volatile boolean closing;
  private Operator operator;
  private HealthServer health;
  private VideoConversionReconciler reconciler;
  private OrphanSweeper orphanSweeper;

  private OperatorApplication() {
  }

  /** Runs the operator until the JVM is asked to stop. */
  public static void run(Map<String, String> env) throws Exception {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnv(env);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage()); // a configuration mistake: say what, no stack trace
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build(); // KUBECONFIG, ~/.kube/config or in-cluster
    OperatorApplication app = start(settings, client, VideoConversionReconciler.Timing.DEFAULT,
        IntakeConsumer.Backoff.DEFAULT);
    app.resources.addLast(client);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "operator-shutdown"));
    app.stopped.await();
  }

  public static OperatorApplication start(OperatorSettings settings, KubernetesClient client,
      VideoConversionReconciler.Timing timing, IntakeConsumer.Backoff intakeBackoff) throws IOException {
    return start(settings, client, timing, intakeBackoff, PlatformWiring.DEFAULT);
  }

  /** As above, with the ConversionPlatform reconciler's timing and addresses (tests reach local servers). */
  public static OperatorApplication start(OperatorSettings settings, KubernetesClient client,
      VideoConversionReconciler.Timing timing, IntakeConsumer.Backoff intakeBackoff, PlatformWiring platform)
      throws IOException {
    OperatorApplication app = new OperatorApplication();
    try {
      app.wire(settings, client, timing, intakeBackoff, platform);
      return app;
    } catch (IOException | RuntimeException e) {
      app.close();
      throw e;
    }
  }

  private void wire(OperatorSettings settings, KubernetesClient client, VideoConversionReconciler.Timing timing,
      IntakeConsumer.Backoff intakeBackoff, PlatformWiring platform) throws IOException {
    ConnectionString mongoUri = new ConnectionString(settings.mongoUri());
    MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(mongoUri)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
        .build());
    resources.push(mongo);
    String database = mongoUri.getDatabase() == null ? StorageLayout.DEFAULT_DATABASE : mongoUri.getDatabase();
    ConversionStore store = new ConversionStore(mongo.getDatabase(database), Clock.systemUTC());

    EventCodec codec = new EventCodec();
    BrokerConnector broker = new BrokerConnector(settings.rabbitUri());
    resources.push(broker);
    RabbitFinishedNotifier notifier = new RabbitFinishedNotifier(broker::connection, codec, Duration.ofSeconds(10));
    resources.push(notifier);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    reconciler = new VideoConversionReconciler(client, new ConversionJobBuilder(settings.job()), store, notifier,
        new ResourceEvents(client, Clock.systemUTC()), settings.conversionDefaults(), timing, Clock.systemUTC());
    registry.gauge("video2mp3_conversions_running", reconciler, r -> r.runningConversions());

    LeaderElection leader = settings.leaderElection() ? new LeaderElection(
        Optional.ofNullable(settings.leaderElectionNamespace()).orElse(client.getConfiguration().getNamespace()),
        System.getenv("HOSTNAME")) : null;
    operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // The fabric8 mock server cannot do server-side apply; production runs the same path.
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
          .withReconciliationTerminationTimeout(Duration.ofSeconds(10));
      if (leader != null) {
        o.withLeaderElectionConfiguration(leader.configuration(new LeaderCallbacks(
            () -> LOG.info("leading: reconciling conversions"),
            this::leadershipLost,
            leaderId -> LOG.info("leader is {}", leaderId))));
      }
    });
    operator.register(reconciler, c -> watchNamespaces(c, settings));
    operator.register(platform.reconciler(client, Clock.systemUTC()), c -> watchNamespaces(c, settings));
    if (leader != null) {
      resources.push(() -> leader.release(client)); // runs after operator.stop(): no renewal follows
    }
    resources.push(operator::stop);

    if (settings.intakeEnabled()) {
      ConversionCreator creator = new ConversionCreator(client);
      broker.whenConnected(connection -> {
        IntakeConsumer intake = new IntakeConsumer(connection, creator, codec, intakeBackoff);
        try {
          intake.start();
          synchronized (resources) {
            resources.push(intake);
          }
        } catch (IOException e) {
          LOG.error("cannot consume queue video: {}", e.getMessage(), e);
        }
      });
    }

    Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
    readiness.put("operator", () -> started);
    readiness.put("mongodb", () -> {
      store.ping();
      return true;
    });
    readiness.put("rabbitmq", broker::isReachable);
    health = new HealthServer(settings.healthAddress(), settings.healthPort(), readiness, registry::scrape);
    resources.push(health);

    operator.start();
    orphanSweeper = new OrphanSweeper(mongo.getDatabase(database),
        new LiveConversions(client, settings.watchNamespaces()), settings.orphanSweep(), registry, Clock.systemUTC());
    resources.push(orphanSweeper);
    orphanSweeper.start();
    broker.start();
    started = true;
    LOG.info("operator started: watching {}, at most {} conversions at once per namespace without a"
        + " ConversionPlatform, health on port {}",
        settings.watchAllNamespaces() ? "all namespaces" : settings.watchNamespaces(),
        settings.maxConcurrentJobs(), health.port());
  }

  private static void watchNamespaces(ControllerConfigurationOverrider<?> controller, OperatorSettings settings) {
    if (settings.watchAllNamespaces()) {
      controller.watchingAllNamespaces();
    } else {
      controller.settingNamespaces(settings.watchNamespaces());
    }
  }

  /** Another replica may reconcile now; running on would mean two writers. The pod restarts. */
  private void leadershipLost() {
    if (!closing) {
      LOG.error("lost the leader Lease while running; exiting so that only the leader reconciles");
      Thread exit = new Thread(() -> System.exit(1), "leadership-lost-exit");
      exit.start();
    }
  }

  public int healthPort() {
    return health.port();
  }

  /** The sweeper of abandoned GridFS files; tests run its passes by hand. */
  public OrphanSweeper orphanSweeper() {
    return orphanSweeper;
  }

  public boolean isStarted() {
    return started;
  }

  /** Stops in reverse order of start: intake and HTTP first, the controller, then the clients. */
  @Override
  public void close() {
    closing = true;
    started = false;
    synchronized (resources) {
      while (!resources.isEmpty()) {
        AutoCloseable resource = resources.pop();
        try {
          resource.close();
        } catch (Exception e) {
          LOG.warn("error while stopping: {}", e.getMessage());
        }
      }
    }
    stopped.countDown();
  }
}
