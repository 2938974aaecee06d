package io.video2mp3.operator;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.ConversionsSpec;
import io.video2mp3.operator.conversion.ConversionJobBuilder;
import io.video2mp3.operator.conversion.ConversionLabels;
import io.video2mp3.operator.conversion.VideoConversionReconciler;
import io.video2mp3.operator.intake.IntakeConsumer;
import io.video2mp3.operator.platform.PlatformWiring;
import io.video2mp3.testsupport.mongo.TestMongo;
import io.video2mp3.testsupport.rbac.RbacAudit;
import io.video2mp3.testsupport.rbac.RequestRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The real operator wiring against the fabric8 mock API server (CRUD mode, CRD posted) and
 * mongo-java-server (or MONGODB_URI). The test plays Job controller and kubelet with the helpers here.
 */
public class OperatorHarness implements AutoCloseable {

  public static final String NS = "media";
  public static final VideoConversionReconciler.Timing FAST = new VideoConversionReconciler.Timing(
      Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofMillis(500));
  public static final IntakeConsumer.Backoff FAST_BACKOFF = new IntakeConsumer.Backoff(
      Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));

  public final KubernetesMockServer server;
  public final KubernetesClient client;
  /** The operator's own client (its requests are checked against its Role), maybe through a proxy. */
  private KubernetesClient operatorClient;
  /** Every request of the operator's client: {@link #close()} checks them against manifests/operator.yaml. */
  public final RequestRecorder operatorRequests = new RequestRecorder();
  private final TestMongo testMongo;
  public final String mongoUri;
  public final MongoClient mongoClient;
  public final MongoDatabase mongo;
  public final String rabbitUri;
  private final Map<String, String> env = new HashMap<>();
  private VideoConversionReconciler.Timing timing = FAST;
  private PlatformWiring platform = PlatformWiring.DEFAULT;
  private IntakeConsumer.Backoff intakeBackoff = FAST_BACKOFF;
  private OperatorApplication app;

  public OperatorHarness(int maxConcurrentJobs, boolean intake) {
    this(maxConcurrentJobs, intake,
        Optional.ofNullable(System.getenv("RABBITMQ_URI")).orElse("amqp://guest:guest@127.0.0.1:5672"));
  }

  public OperatorHarness(int maxConcurrentJobs, boolean intake, String rabbitUri) {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
        new RulesReviewingDispatcher(expectations), false);
    server.init();
    client = server.createClient();
    operatorClient = operatorRequests.clientBuilder().withConfig(client.getConfiguration()).build();
    // CRDs first: only then does the mock server treat /status as a subresource.
    client.apiextensions().v1().customResourceDefinitions()
        .load(VideoConversion.class.getResourceAsStream(VideoConversion.CRD_RESOURCE)).create();
    client.apiextensions().v1().customResourceDefinitions()
        .load(ConversionPlatform.class.getResourceAsStream(ConversionPlatform.CRD_RESOURCE)).create();
    testMongo = new TestMongo("opit");
    mongoUri = testMongo.uri();
    mongoClient = MongoClients.create(mongoUri);
    mongo = mongoClient.getDatabase(testMongo.database());
    this.rabbitUri = rabbitUri;
    env.put("MONGODB_URI", mongoUri);
    env.put("RABBITMQ_URI", rabbitUri);
    env.put("MAX_CONCURRENT_JOBS", Integer.toString(maxConcurrentJobs));
    env.put("HEALTH_PORT", "0");
    env.put("LEADER_ELECTION_ENABLED", "false");
    env.put("INTAKE_ENABLED", Boolean.toString(intake));
    env.put("CONVERTER_IMAGE", "video2mp3/operator:test");
    env.put("JOB_MONGODB_SECRET", "video2mp3-mongodb");
  }

  /** Sets (or overrides) one operator environment variable before {@link #startOperator()}. */
  public OperatorHarness env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Replaces the operator's reconcile timing before {@link #startOperator()}. */
  public OperatorHarness timing(VideoConversionReconciler.Timing newTiming) {
    timing = newTiming;
    return this;
  }

  /** Replaces the ConversionPlatform reconciler's timing and addresses before {@link #startOperator()}. */
  public OperatorHarness platform(PlatformWiring wiring) {
    platform = wiring;
    return this;
  }

  public OperatorHarness intakeBackoff(IntakeConsumer.Backoff backoff) {
    intakeBackoff = backoff;
    return this;
  }

  /**
   * Gives the operator its own client, configured from the test's: e.g. through a proxy that can
   * cut the API server off from the operator alone (both still share the CRUD state).
   */
  public OperatorHarness operatorClient(UnaryOperator<ConfigBuilder> config) {
    operatorClient.close();
    operatorClient = operatorRequests.clientBuilder()
        .withConfig(config.apply(new ConfigBuilder(client.getConfiguration())).build()).build();
    return this;
  }

  /**
   * CRUD dispatcher that also answers SelfSubjectRulesReview (JOSDK checks its Lease permissions
   * before leader election; the plain mock refuses the review), granting the Lease verbs, and lets
   * expectations ({@code server.expect()}) that still have a response take precedence over CRUD,
   * so a test can make the API server fail for some requests and recover.
   */
  static class RulesReviewingDispatcher extends KubernetesCrudDispatcher {
    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;

    RulesReviewingDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
      super(List.of());
      this.expectations = expectations;
      this.expected = new MockDispatcher(expectations);
    }

    @Override
    public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest request) {
      return expects(request) ? expected.dispatch(request) : super.dispatch(request);
    }

    private boolean expects(io.fabric8.mockwebserver.http.RecordedRequest request) {
      Queue<ServerResponse> forMethod = expectations.get(
          new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
      Queue<ServerResponse> forAny = expectations.get(new SimpleRequest(request.getPath()));
      return (forMethod != null && !forMethod.isEmpty()) || (forAny != null && !forAny.isEmpty());
    }

    @Override
    public io.fabric8.mockwebserver.http.MockResponse handleCreate(io.fabric8.mockwebserver.http.RecordedRequest request) {
      if (request.getPath().contains("/selfsubjectrulesreviews")) {
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(201).setBody(
            "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\",\"spec\":{},"
                + "\"status\":{\"incomplete\":false,\"nonResourceRules\":[],\"resourceRules\":[{\"apiGroups\":"
                + "[\"coordination.k8s.io\"],\"resources\":[\"leases\"],\"verbs\":[\"create\",\"update\",\"get\"]}]}}");
      }
      return super.handleCreate(request);
    }
  }

  public OperatorApplication startOperator() throws Exception {
    app = OperatorApplication.start(OperatorSettings.fromEnv(env), operatorClient, timing, intakeBackoff, platform);
    return app;
  }

  public void stopOperator() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  public OperatorApplication app() {
    return app;
  }

  // ---- conversions

  public VideoConversion create(String name, Source source) {
    return create(NS, name, source);
  }

  public VideoConversion create(String namespace, String name, Source source) {
    VideoConversion vc = new VideoConversion();
    vc.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    VideoConversionSpec spec = new VideoConversionSpec(source, OutputSpec.mp3("192k"),
        new Owner("alice", "alice@example.com"));
    vc.setSpec(spec);
    return client.resources(VideoConversion.class).inNamespace(namespace).resource(vc).create();
  }

  public VideoConversion get(String name) {
    return get(NS, name);
  }

  public VideoConversion get(String namespace, String name) {
    return client.resources(VideoConversion.class).inNamespace(namespace).withName(name).get();
  }

  public Phase phase(String name) {
    return phase(NS, name);
  }

  public Phase phase(String namespace, String name) {
    VideoConversion vc = get(namespace, name);
    return vc == null || vc.getStatus() == null ? null : vc.getStatus().getPhase();
  }

  // ---- platforms

  public static final String PLATFORM = "video2mp3";

  /** The namespace's ConversionPlatform, with only {@code spec.conversions} set (the rest defaults). */
  public ConversionPlatform createPlatform(String namespace, ConversionsSpec conversions) {
    ConversionPlatform platform = new ConversionPlatform();
    platform.setMetadata(new ObjectMetaBuilder().withName(PLATFORM).withNamespace(namespace).build());
    platform.setSpec(new ConversionPlatformSpec(null, null, conversions));
    return client.resources(ConversionPlatform.class).inNamespace(namespace).resource(platform).create();
  }

  public ConversionPlatform editPlatformConversions(String namespace, ConversionsSpec conversions) {
    return client.resources(ConversionPlatform.class).inNamespace(namespace).withName(PLATFORM).edit(p -> {
      p.getSpec().setConversions(conversions);
      return p;
    });
  }

  public VideoConversion awaitPhase(String name, Phase phase) {
    await().atMost(Duration.ofSeconds(30)).until(() -> phase(name) == phase);
    return get(name);
  }

  // ---- the Job controller and kubelet, played by the test

  public static String jobName(String conversion) {
    return ConversionJobBuilder.jobName(conversion);
  }

  public Job job(String conversion) {
    return job(NS, conversion);
  }

  public Job job(String namespace, String conversion) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(jobName(conversion)).get();
  }

  public List<Job> jobs() {
    return jobs(NS);
  }

  public List<Job> jobs(String namespace) {
    return client.batch().v1().jobs().inNamespace(namespace)
        .withLabel(ConversionLabels.MANAGED_BY, ConversionLabels.MANAGER).list().getItems();
  }

  public Job awaitJob(String conversion) {
    await().atMost(Duration.ofSeconds(30)).until(() -> job(conversion) != null);
    return job(conversion);
  }

  public void jobActive(String conversion, int active, int failed) {
    client.batch().v1().jobs().inNamespace(NS).withName(jobName(conversion)).editStatus(j -> {
      j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
          .withActive(active).withFailed(failed).withStartTime(Instant.now().toString()).build());
      return j;
    });
  }

  /** A Pod of the Job whose converter container terminated with this exit code and termination message. */
  public void podTerminated(String conversion, int attempt, int exitCode, String message) {
    String job = jobName(conversion);
    var pod = new PodBuilder()
        .withNewMetadata().withName(job + "-" + attempt).withNamespace(NS)
          .addToLabels("job-name", job).addToLabels("batch.kubernetes.io/job-name", job)
        .endMetadata()
        .withNewSpec().addNewContainer().withName("converter").withImage("x").endContainer().endSpec()
        .withNewStatus().withPhase(exitCode == 0 ? "Succeeded" : "Failed")
          .addNewContainerStatus().withName("converter").withNewState().withNewTerminated()
            .withExitCode(exitCode).withMessage(message)
            .withFinishedAt(Instant.now().plusSeconds(attempt).toString())
          .endTerminated().endState().endContainerStatus()
        .endStatus()
        .build();
    client.pods().inNamespace(NS).resource(pod).create();
    if (client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get().getStatus() == null) {
      client.pods().inNamespace(NS).resource(pod).updateStatus();
    }
  }

  public void jobFinished(String conversion, int succeeded, int failed, String type, String reason) {
    jobFinished(NS, conversion, succeeded, failed, type, reason);
  }

  public void jobFinished(String namespace, String conversion, int succeeded, int failed, String type,
      String reason) {
    JobCondition condition = new JobConditionBuilder().withType(type).withStatus("True").withReason(reason)
        .withMessage(reason == null ? null : reason + " (set by the test)")
        .withLastTransitionTime(Instant.now().toString()).build();
    client.batch().v1().jobs().inNamespace(namespace).withName(jobName(conversion)).editStatus(j -> {
      j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
          .withActive(0).withSucceeded(succeeded).withFailed(failed)
          .withConditions(new ArrayList<>(List.of(condition))).build());
      return j;
    });
  }

  public void jobSucceeded(String conversion, String terminationMessage) {
    podTerminated(conversion, 1, 0, terminationMessage);
    jobFinished(conversion, 1, 0, "Complete", null);
  }

  public List<String> eventReasons(String conversion) {
    return events(conversion).stream().map(Event::getReason).toList();
  }

  /** The Events recorded on the resource named {@code involved} in {@link #NS}. */
  public List<Event> events(String involved) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> involved.equals(e.getInvolvedObject().getName())).toList();
  }

  /**
   * Every POST to {@code path} is refused with this status until {@link KubernetesMockServer#clearExpectations()},
   * as a real API server refuses a create over quota or without permission.
   */
  public void refuseCreates(String path, int code, String reason, String message) {
    server.expect().post().withPath(path)
        .andReturn(code, new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
            .withMessage(message).build())
        .always();
  }

  /** Stops everything, then fails if the operator made a request its Role in the manifests does not grant. */
  @Override
  public void close() {
    stopOperator();
    operatorClient.close();
    mongoClient.close();
    testMongo.close();
    client.close();
    server.destroy();
    RbacAudit audit = RbacAudit.forDeployment("operator", "video2mp3-operator");
    // Most tests let one operator watch all namespaces; the Deployment watches only its own.
    (env.containsKey("WATCH_NAMESPACES") ? audit : audit.clusterWideAsNamespaced()).verify(operatorRequests);
  }
}
