package io.video2mp3.gateway.support;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.Topology;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a gateway needs around it in a test: MongoDB (mongo-java-server, or MONGODB_URI with a unique
 * database), the Kubernetes API (fabric8 mock in CRUD mode with the CRD installed), and the real RabbitMQ.
 */
public final class Infrastructure implements AutoCloseable {

  public static final String NAMESPACE = "video2mp3";
  public static final String RABBITMQ_URI =
      Optional.ofNullable(System.getenv("RABBITMQ_URI")).filter(s -> !s.isBlank()).orElse("amqp://guest:guest@127.0.0.1:5672");

  private final MongoServer mongoServer;
  public final String mongoUri;
  public final MongoClient mongoClient;
  public final MongoDatabase mongo;
  public final KubernetesMockServer kubernetesServer;
  public final KubernetesClient kubernetes;
  public final Connection rabbit;

  public Infrastructure() throws Exception {
    String database = "gwit" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String external = System.getenv("MONGODB_URI");
    if (external != null && !external.isBlank()) {
      mongoServer = null;
      String current = Optional.ofNullable(new ConnectionString(external).getDatabase()).orElse("");
      mongoUri = external.replaceFirst("/" + current + "(\\?|$)", "/" + database + "$1");
    } else {
      mongoServer = new MongoServer(new MemoryBackend());
      InetSocketAddress address = mongoServer.bind();
      mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
    mongoClient = MongoClients.create(mongoUri);
    mongo = mongoClient.getDatabase(database);

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
    if (mongoServer == null) {
      mongo.drop();
    }
    mongoClient.close();
    if (mongoServer != null) {
      mongoServer.shutdownNow();
    }
  }
}
