package io.video2mp3.operator.platform;

import java.util.Collections;
import java.util.List;

/**
 * The platform's services as servers on this machine: every MongoDB member at one host:port, the
 * broker at a fixed URI with its own credentials (the local RabbitMQ knows only its own users).
 */
record LocalAddresses(String mongodbHost, String rabbitmqUri) implements PlatformAddresses {

  @Override
  public List<String> mongodbMembers(PlatformNames names, int replicas) {
    return Collections.nCopies(replicas, mongodbHost);
  }

  @Override
  public String rabbitmqUri(PlatformNames names, RabbitCredentials credentials) {
    return rabbitmqUri;
  }
}
