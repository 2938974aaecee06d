package io.video2mp3.operator.platform;

import static io.video2mp3.operator.OperatorHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.MongoDbSpec;
import io.video2mp3.api.platform.RabbitMqSpec;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.reconcile.ErrorConditions;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real operator against the mock API server: a ConversionPlatform becomes its owned objects,
 * the test plays the StatefulSet controller (ready members), the queues are declared on the local
 * RabbitMQ, and the replica set step meets mongo-java-server, which cannot even log the operator
 * in: the condition says so (replica set commands are unit-tested in {@link ReplicaSetCommandsTest}).
 */
class ConversionPlatformIT {

  static final ConversionPlatformReconciler.Timing FAST = new ConversionPlatformReconciler.Timing(
      Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(2));
  private static final Duration WAIT = Duration.ofSeconds(20);

  private OperatorHarness harness;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, false);
    String mongoHost = new ConnectionString(harness.mongoUri).getHosts().get(0);
    harness.platform(new PlatformWiring(FAST, new LocalAddresses(mongoHost, harness.rabbitUri)));
    harness.startOperator();
    client = harness.client;
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void provisionsTheServicesDeclaresTheQueuesAndScales() throws Exception {
    create("prod", new ConversionPlatformSpec());

    await().atMost(WAIT).until(() -> statefulSet("prod-rabbitmq") != null && statefulSet("prod-mongodb") != null);
    List<HasMetadata> owned = List.of(
        secret("prod-mongodb-credentials"), secret("prod-rabbitmq-credentials"), secret("prod-connection"),
        client.services().inNamespace(NS).withName("prod-mongodb").get(),
        client.services().inNamespace(NS).withName("prod-mongodb-headless").get(),
        client.services().inNamespace(NS).withName("prod-rabbitmq").get(),
        client.services().inNamespace(NS).withName("prod-rabbitmq-headless").get(),
        statefulSet("prod-mongodb"), statefulSet("prod-rabbitmq"),
        client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("prod-mongodb").get(),
        client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("prod-rabbitmq").get(),
        client.configMaps().inNamespace(NS).withName("prod-rabbitmq-config").get(),
        client.serviceAccounts().inNamespace(NS).withName("prod-rabbitmq-peer-discovery").get(),
        client.rbac().roles().inNamespace(NS).withName("prod-rabbitmq-peer-discovery").get(),
        client.rbac().roleBindings().inNamespace(NS).withName("prod-rabbitmq-peer-discovery").get());
    String uid = platform("prod").getMetadata().getUid();
    assertThat(owned).allSatisfy(object -> {
      assertThat(object).isNotNull();
      assertThat(object.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(uid));
    });
    assertThat(statefulSet("prod-mongodb").getSpec().getReplicas()).isEqualTo(3);
    assertThat(statefulSet("prod-rabbitmq").getSpec().getReplicas()).isEqualTo(3);
    Map<String, String> connection = PlatformSecrets.decode(Optional.of(secret("prod-connection")));
    assertThat(connection.get("MONGODB_URI")).startsWith("mongodb://video2mp3:")
        .contains("prod-mongodb-2.prod-mongodb-headless.media.svc.cluster.local:27017/video2mp3?replicaSet=rs0");
    assertThat(connection.get("RABBITMQ_URI")).startsWith("amqp://video2mp3:").endsWith("@prod-rabbitmq.media.svc:5672");

    awaitCondition("MongoDBReady", "False", "MembersNotReady", "MongoDB: 0 of 3 members ready"
        + "; the replica set steps wait until all 3 pods are ready");
    awaitCondition("QueuesReady", "False", "WaitingForRabbitMQ",
        "waiting for RabbitMQ: cluster forming, 0 of 3 nodes ready");
    assertThat(platform("prod").getStatus().getConnectionSecret()).isEqualTo("prod-connection");
    Map<String, String> mongoSecret = secret("prod-mongodb-credentials").getData();
    Map<String, String> rabbitSecret = secret("prod-rabbitmq-credentials").getData();

    membersReady("prod-rabbitmq", 2);
    awaitCondition("RabbitMQReady", "False", "NodesNotReady", "RabbitMQ: cluster forming, 2 of 3 nodes ready");
    membersReady("prod-rabbitmq", 3);
    awaitCondition("RabbitMQReady", "True", "NodesReady", "RabbitMQ: 3 of 3 nodes ready");
    Condition queues = awaitCondition("QueuesReady", "True", "TopologyDeclared", null);
    assertThat(queues.getMessage()).contains("queues video, mp3").contains("RabbitMQ at 127.0.0.1:");
    assertQueuesExist();
    awaitEvent("prod", "Normal", "TopologyDeclared");
    assertThat(harness.events("prod")).extracting(e -> e.getType() + "/" + e.getReason())
        .contains("Normal/Provisioning", "Normal/NodesReady");

    membersReady("prod-mongodb", 3);
    // mongo-java-server knows no SCRAM: the step stops at logging in, and says so.
    Condition mongodb = awaitCondition("MongoDBReady", "False", "AuthenticationFailed", null);
    awaitEvent("prod", "Warning", "AuthenticationFailed");
    assertThat(mongodb.getMessage()).startsWith("cannot log in to MongoDB at 127.0.0.1:").contains(" as root: ");
    assertThat(platform("prod").getStatus().getMongodb().readyMembers()).isEqualTo(3);

    scaleMongoDb("prod", 5);
    await().atMost(WAIT).until(() -> statefulSet("prod-mongodb").getSpec().getReplicas() == 5);
    membersReady("prod-mongodb", 3);
    awaitCondition("MongoDBReady", "False", "MembersNotReady", "MongoDB: 3 of 5 members ready"
        + "; the replica set steps wait until all 5 pods are ready");
    await().atMost(WAIT).until(() -> PlatformSecrets.decode(Optional.of(secret("prod-connection")))
        .get("MONGODB_URI").contains("prod-mongodb-4.prod-mongodb-headless"));
    assertThat(platform("prod").getStatus().getObservedGeneration()).isEqualTo(platform("prod").getMetadata().getGeneration());

    // Scaling down while the replica set's config cannot be read (the login fails) removes no pod:
    // a member leaves the config before its pod goes.
    scaleMongoDb("prod", 3);
    await().atMost(WAIT).until(() -> platform("prod").getStatus().getObservedGeneration()
        .equals(platform("prod").getMetadata().getGeneration()));
    awaitCondition("MongoDBReady", "False", "AuthenticationFailed", null);
    assertThat(statefulSet("prod-mongodb").getSpec().getReplicas()).isEqualTo(5);

    // Every reconcile since the first one found the generated secrets and kept them.
    assertThat(secret("prod-mongodb-credentials").getData()).isEqualTo(mongoSecret);
    assertThat(secret("prod-rabbitmq-credentials").getData()).isEqualTo(rabbitSecret);
  }

  @Test
  void aBrokerThatIsDownIsAConditionNotACrash() throws Exception {
    harness.stopOperator();
    try (var closed = new java.net.ServerSocket(0)) {
      // A port nobody listens on once this socket is closed.
      String uri = "amqp://guest:guest@127.0.0.1:" + closed.getLocalPort();
      closed.close();
      harness.platform(new PlatformWiring(FAST, new LocalAddresses("127.0.0.1:" + closed.getLocalPort(), uri)));
    }
    harness.startOperator();
    create("down", new ConversionPlatformSpec(new MongoDbSpec(1, null, null, null), null, null));
    await().atMost(WAIT).until(() -> statefulSet("down-rabbitmq") != null);
    membersReady("down-rabbitmq", 3);
    membersReady("down-mongodb", 1);
    Condition queues = awaitCondition("down", "QueuesReady", "False", "BrokerUnavailable", null);
    assertThat(queues.getMessage()).startsWith("cannot declare the queues on RabbitMQ at 127.0.0.1:")
        .doesNotContain("guest");
    Condition mongodb = awaitCondition("down", "MongoDBReady", "False", "MemberUnreachable", null);
    assertThat(mongodb.getMessage()).startsWith("MongoDB member 127.0.0.1:").contains("is not reachable");
  }

  /** A refused create shows on the platform with the API server's words, and the retry alone recovers. */
  @Test
  void aRefusedSecretShowsOnThePlatformAndIsCreatedOnceTheCauseIsGone() {
    harness.refuseCreates("/api/v1/namespaces/" + NS + "/secrets", 403, "Forbidden",
        "secrets \"refused-mongodb-credentials\" is forbidden: exceeded quota: objects, limited: count/secrets=0");
    create("refused", new ConversionPlatformSpec());
    Condition error = awaitCondition("refused", ErrorConditions.RECONCILE_ERROR, "True", "Forbidden", null);
    assertThat(error.getMessage()).contains("exceeded quota: objects");
    awaitEvent("refused", "Warning", ResourceEvents.RECONCILE_ERROR);
    assertThat(statefulSet("refused-mongodb")).isNull();

    harness.server.clearExpectations();
    await().atMost(WAIT).until(() -> statefulSet("refused-mongodb") != null && statefulSet("refused-rabbitmq") != null);
    await().atMost(WAIT).until(() -> platform("refused").getStatus().getConditions().stream()
        .noneMatch(c -> ErrorConditions.RECONCILE_ERROR.equals(c.getType())));
  }

  @Test
  void aStorageChangeTheClaimsCannotTakeIsReportedNotIgnored() {
    create("disk", new ConversionPlatformSpec(new MongoDbSpec(1, null, "10Gi", null), null, null));
    awaitCondition("disk", StorageChange.CONDITION, "False", StorageChange.REASON_APPLIED, null);

    client.resources(ConversionPlatform.class).inNamespace(NS).withName("disk").edit(p -> {
      p.getSpec().setMongodb(new MongoDbSpec(1, null, "20Gi", null));
      return p;
    });

    Condition pending = awaitCondition("disk", StorageChange.CONDITION, "True", StorageChange.REASON_IMMUTABLE, null);
    assertThat(pending.getMessage()).startsWith("spec.mongodb.storage is 20Gi but the volume claims of StatefulSet"
        + " disk-mongodb were made with 10Gi").contains("--cascade=orphan");
    awaitEvent("disk", "Warning", StorageChange.REASON_IMMUTABLE);
    assertThat(statefulSet("disk-mongodb").getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources()
        .getRequests().get("storage")).hasToString("10Gi");
  }

  @Test
  void aRabbitMqScaleDownIsRefusedAndTheNodesKept() {
    create("shrink", new ConversionPlatformSpec());
    awaitCondition("shrink", RabbitMqScaleDown.CONDITION, "False", RabbitMqScaleDown.REASON_NONE, null);

    client.resources(ConversionPlatform.class).inNamespace(NS).withName("shrink").edit(p -> {
      p.getSpec().setRabbitmq(new RabbitMqSpec(1, null, null, null));
      return p;
    });

    Condition refused = awaitCondition("shrink", RabbitMqScaleDown.CONDITION, "True",
        RabbitMqScaleDown.REASON_REFUSED, null);
    assertThat(refused.getMessage()).startsWith("spec.rabbitmq.replicas is 1 but StatefulSet shrink-rabbitmq runs 3");
    awaitEvent("shrink", "Warning", RabbitMqScaleDown.REASON_REFUSED);
    assertThat(statefulSet("shrink-rabbitmq").getSpec().getReplicas()).isEqualTo(3);
    assertThat(platform("shrink").getStatus().getRabbitmq().members()).isEqualTo(3);

    client.resources(ConversionPlatform.class).inNamespace(NS).withName("shrink").edit(p -> {
      p.getSpec().setRabbitmq(new RabbitMqSpec(3, null, null, null));
      return p;
    });
    awaitCondition("shrink", RabbitMqScaleDown.CONDITION, "False", RabbitMqScaleDown.REASON_NONE, null);
  }

  private void awaitEvent(String involved, String type, String reason) {
    await().atMost(WAIT).until(() -> harness.events(involved).stream()
        .anyMatch(e -> type.equals(e.getType()) && reason.equals(e.getReason())));
  }

  private void create(String name, ConversionPlatformSpec spec) {
    ConversionPlatform platform = new ConversionPlatform();
    platform.getMetadata().setName(name);
    platform.getMetadata().setNamespace(NS);
    platform.setSpec(spec);
    client.resources(ConversionPlatform.class).inNamespace(NS).resource(platform).create();
  }

  private void scaleMongoDb(String name, int replicas) {
    client.resources(ConversionPlatform.class).inNamespace(NS).withName(name).edit(p -> {
      p.getSpec().setMongodb(new MongoDbSpec(replicas, null, null, null));
      return p;
    });
  }

  private ConversionPlatform platform(String name) {
    return client.resources(ConversionPlatform.class).inNamespace(NS).withName(name).get();
  }

  private StatefulSet statefulSet(String name) {
    return client.apps().statefulSets().inNamespace(NS).withName(name).get();
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(NS).withName(name).get();
  }

  /** The StatefulSet controller's part: this many members are ready. */
  private void membersReady(String statefulSet, int ready) {
    client.apps().statefulSets().inNamespace(NS).withName(statefulSet).editStatus(s -> {
      s.setStatus(new StatefulSetStatusBuilder().withReplicas(s.getSpec().getReplicas()).withReadyReplicas(ready)
          .withObservedGeneration(s.getMetadata().getGeneration()).build());
      return s;
    });
  }

  private Condition awaitCondition(String type, String status, String reason, String message) {
    return awaitCondition("prod", type, status, reason, message);
  }

  private Condition awaitCondition(String platform, String type, String status, String reason, String message) {
    return await().atMost(WAIT).until(() -> Optional.ofNullable(platform(platform).getStatus())
        .flatMap(s -> s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst())
        .filter(c -> status.equals(c.getStatus()))
        .filter(c -> reason == null || reason.equals(c.getReason()))
        .filter(c -> message == null || message.equals(c.getMessage()))
        .orElse(null), Objects::nonNull);
  }

  private void assertQueuesExist() throws Exception {
    try (Connection connection = AmqpConnections.open(harness.rabbitUri, "platform-it", Duration.ofSeconds(5));
         Channel channel = connection.createChannel()) {
      channel.exchangeDeclarePassive(Topology.EXCHANGE);
      for (Topology.QueueSpec queue : Topology.QUEUES) {
        channel.queueDeclarePassive(queue.name());
        channel.queueDeclarePassive(queue.deadLetterQueue());
      }
    }
  }
}
