package io.video2mp3.operator.platform;

import io.video2mp3.api.platform.ConversionPlatform;
import java.util.List;
import java.util.stream.IntStream;

/** The names of everything a platform owns, derived from the platform's name so that reconciles find them again. */
public record PlatformNames(String platform, String namespace) {

  public static final String REPLICA_SET = "rs0";
  public static final int MONGODB_PORT = 27017;
  public static final int AMQP_PORT = 5672;

  public static PlatformNames of(ConversionPlatform platform) {
    return new PlatformNames(platform.getMetadata().getName(), platform.getMetadata().getNamespace());
  }

  public String mongodb() {
    return platform + "-mongodb";
  }

  public String mongodbHeadless() {
    return mongodb() + "-headless";
  }

  public String mongodbSecret() {
    return mongodb() + "-credentials";
  }

  public String rabbitmq() {
    return platform + "-rabbitmq";
  }

  public String rabbitmqHeadless() {
    return rabbitmq() + "-headless";
  }

  public String rabbitmqSecret() {
    return rabbitmq() + "-credentials";
  }

  public String rabbitmqConfig() {
    return rabbitmq() + "-config";
  }

  /** ServiceAccount, Role and RoleBinding of RabbitMQ's Kubernetes peer discovery. */
  public String rabbitmqPeerDiscovery() {
    return rabbitmq() + "-peer-discovery";
  }

  /** The Secret with MONGODB_URI and RABBITMQ_URI that the services mount. */
  public String connectionSecret() {
    return platform + "-connection";
  }

  /** The stable DNS names the replica set's members know each other by (StatefulSet pod + headless Service). */
  public List<String> mongodbMemberHosts(int replicas) {
    return IntStream.range(0, replicas)
        .mapToObj(i -> mongodb() + "-" + i + "." + mongodbHeadless() + "." + namespace + ".svc.cluster.local:"
            + MONGODB_PORT)
        .toList();
  }

  /** The client Service's in-cluster address. */
  public String rabbitmqHost() {
    return rabbitmq() + "." + namespace + ".svc";
  }

  /** What RabbitMQ's peer discovery appends to a pod's name to get its node's host name. */
  public String rabbitmqHostnameSuffix() {
    return "." + rabbitmqHeadless() + "." + namespace + ".svc.cluster.local";
  }
}
