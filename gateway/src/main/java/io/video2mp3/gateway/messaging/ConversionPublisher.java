package io.video2mp3.gateway.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConfirmedPublisher.PublishException;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.gateway.config.GatewaySettings;
import io.video2mp3.gateway.error.DependencyUnavailableException;
import io.video2mp3.gateway.error.DependencyUnavailableException.Dependency;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ConversionRequested} with publisher confirms. The broker connection is opened on
 * first use (the gateway starts, and says it is not ready, while RabbitMQ is down) and reopened when
 * it is gone; every wait is bounded by {@code DEPENDENCY_TIMEOUT}.
 */
@Component
public class ConversionPublisher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ConversionPublisher.class);

  private final String uri;
  private final Duration timeout;
  private final EventCodec codec = new EventCodec();
  private Connection connection;
  private ConfirmedPublisher publisher;

  public ConversionPublisher(GatewaySettings settings) {
    this.uri = settings.rabbitmqUri();
    this.timeout = settings.dependencyTimeout();
  }

  /** Returns once the broker has confirmed the message; 503 naming RabbitMQ otherwise. */
  public synchronized void publish(ConversionRequested event) {
    try {
      publisher().publish(event);
    } catch (PublishException e) {
      // The channel may be unusable now (a confirm timeout leaves it in doubt): start afresh next time.
      closePublisher();
      throw new DependencyUnavailableException(Dependency.RABBITMQ, "the broker did not confirm the request", e);
    } catch (IOException | TimeoutException | RuntimeException e) {
      closePublisher();
      throw new DependencyUnavailableException(Dependency.RABBITMQ, "cannot reach the broker", e);
    }
  }

  /** Whether the broker can be reached now (opening the connection if needed). */
  public synchronized boolean ping() throws IOException, TimeoutException {
    return connection().isOpen();
  }

  private ConfirmedPublisher publisher() throws IOException, TimeoutException {
    Connection current = connection();
    if (publisher == null) {
      publisher = new ConfirmedPublisher(current, codec, timeout);
    }
    return publisher;
  }

  private Connection connection() throws IOException, TimeoutException {
    if (connection != null && connection.isOpen()) {
      return connection;
    }
    closeConnection();
    Connection opened = AmqpConnections.open(uri, "video2mp3-gateway", timeout);
    try (Channel channel = opened.createChannel()) {
      // Declaring is idempotent; it makes sure a request is never published into an unbound exchange.
      Topology.declare(channel);
    } catch (IOException | TimeoutException | RuntimeException e) {
      opened.abort((int) timeout.toMillis());
      throw e;
    }
    connection = opened;
    return connection;
  }

  private void closePublisher() {
    if (publisher != null) {
      try {
        publisher.close();
      } catch (IOException | RuntimeException e) {
        log.debug("Closing the publisher channel failed", e);
      }
      publisher = null;
    }
  }

  private void closeConnection() {
    closePublisher();
    if (connection != null) {
      connection.abort((int) timeout.toMillis());
      connection = null;
    }
  }

  @Override
  public synchronized void destroy() {
    closeConnection();
  }
}
