package io.video2mp3.operator.platform;

import java.util.List;

/**
 * Where the operator reaches a platform's MongoDB members and broker. In a cluster these are the
 * Services' DNS names, which the members also know each other by; tests substitute servers that
 * run on this machine.
 */
public interface PlatformAddresses {

  /** The members' host:port, in member order; also the hosts the replica set is configured with. */
  List<String> mongodbMembers(PlatformNames names, int replicas);

  /** The broker's AMQP URI as the platform's user. */
  String rabbitmqUri(PlatformNames names, RabbitCredentials credentials);

  PlatformAddresses CLUSTER_DNS = new PlatformAddresses() {
    @Override
    public List<String> mongodbMembers(PlatformNames names, int replicas) {
      return names.mongodbMemberHosts(replicas);
    }

    @Override
    public String rabbitmqUri(PlatformNames names, RabbitCredentials credentials) {
      return PlatformSecrets.rabbitUri(names.rabbitmqHost() + ":" + PlatformNames.AMQP_PORT, credentials);
    }
  };
}
