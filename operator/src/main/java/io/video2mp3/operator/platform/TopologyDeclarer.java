package io.video2mp3.operator.platform;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.BrokerProduct;
import io.video2mp3.api.messaging.Topology;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Declares the shared {@link Topology} on a platform's broker over a short-lived connection. */
public class TopologyDeclarer {

  private final Duration timeout;

  public TopologyDeclarer(Duration timeout) {
    this.timeout = timeout;
  }

  public StepOutcome declare(String uri) {
    ConnectionFactory factory = AmqpConnections.factory(uri, timeout);
    // One declaration and done: no recovery threads left behind when the broker goes away.
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    String broker = factory.getHost() + ":" + factory.getPort(); // never the URI: it holds the password
    try (Connection connection = factory.newConnection("video2mp3-operator-platform");
         Channel channel = connection.createChannel()) {
      Topology.declare(channel);
      String queues = String.join(", ", Topology.QUEUES.stream().map(Topology.QueueSpec::name).toList());
      return StepOutcome.done("TopologyDeclared", "exchange " + Topology.EXCHANGE + " and queues " + queues
          + " (with dead-letter queues) declared on " + BrokerProduct.of(connection).name() + " at " + broker);
    } catch (IOException | TimeoutException | RuntimeException e) {
      return StepOutcome.notYet("BrokerUnavailable", "cannot declare the queues on RabbitMQ at " + broker + ": "
          + reason(e));
    }
  }

  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
