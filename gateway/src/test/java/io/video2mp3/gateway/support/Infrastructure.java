package io.video2mp3.gateway.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.testsupport.mongo.TestMongo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * What a gateway needs around it in a test: MongoDB (mongo-java-server, or MONGODB_URI with a unique
 * database), the Kubernetes API (fabric8 mock in CRUD mode with the CRD installed), and the real RabbitMQ.
 */
public final class Infrastructure implements AutoCloseable {

  public static final String NAMESPACE = "video2mp3";
  public static final String RABBITMQ_URI =
      Optional.ofNullable(System.getenv("RABBITMQ_URI")).filter(s -> !s.isBlank()).orElse("amqp://guest:guest@127.0.0.1:5672");

  private final TestMongo testMongo;
  public final String mongoUri;
  public final MongoClient mongoClient;
  public final MongoDatabase mongo;
  public final KubernetesMockServer kubernetesServer;
  public final KubernetesClient kubernetes;
  public final Connection rabbit;

  public Infrastructure() throws Exception {
    testMongo = new TestMongo("gwit");
    mongoUri = testMongo.uri();
    mongoClient = MongoClients.create(mongoUri);
    mongo = mongoClient.getDatabase(testMongo.database());

    kubernetesServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()), false);
    kubernetesServer.init();
    kubernetes = kubernetesServer.createClient();
    kubernetes.apiextensions().v1().customResourceDefinitions()
        .load(VideoConversion.class.getResourceAsStream(VideoConversion.CRD_RESOURCE)).create();

    rabbit = AmqpConnections.open(RABBITMQ_URI, "gateway-it", Duration.ofSeconds(5));
    try (Channel channel = rabbit.createChannel()) {
      Topology.declare(channel);
    }
  }

  public String kubernetesUrl() {
    return kubernetes.getConfiguration().getMasterUrl();
  }

  public void purgeVideoQueue() throws Exception {
    try (Channel channel = rabbit.createChannel()) {
      channel.queuePurge(Topology.VIDEO.name());
    }
  }

  /** Takes (and acks) every message now in queue {@code video}; returns their message ids and bodies. */
  public List<GetResponse> drainVideoQueue() throws Exception {
    List<GetResponse> messages = new ArrayList<>();
    try (Channel channel = rabbit.createChannel()) {
      GetResponse response;
      while ((response = channel.basicGet(Topology.VIDEO.name(), true)) != null) {
        messages.add(response);
      }
    }
    return messages;
  }

  public long count(String collection) {
    return mongo.getCollection(collection).countDocuments();
  }

  @Override
  public void close() throws Exception {
    rabbit.close();
    kubernetes.close();
    kubernetesServer.destroy();
    if (testMongo.isExternal()) {
      mongo.drop();
    }
    mongoClient.close();
    testMongo.close();
  }
}
