package io.video2mp3.operator.conversion;

import com.rabbitmq.client.Connection;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConfirmedPublisher.PublishException;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Publishes ConversionFinished with publisher confirms over the operator's broker connection. */
public class RabbitFinishedNotifier implements FinishedNotifier, AutoCloseable {

  private final Supplier<Optional<Connection>> connection;
  private final EventCodec codec;
  private final Duration confirmTimeout;
  private ConfirmedPublisher publisher;

  public RabbitFinishedNotifier(Supplier<Optional<Connection>> connection, EventCodec codec, Duration confirmTimeout) {
    this.connection = connection;
    this.codec = codec;
    this.confirmTimeout = confirmTimeout;
  }

  @Override
  public synchronized void publish(ConversionFinished event) throws PublishException {
    try {
      if (publisher == null) {
        Connection c = connection.get()
            .orElseThrow(() -> new PublishException("not connected to RabbitMQ yet", null));
        try (var channel = c.createChannel()) {
          Topology.declare(channel); // so the event has a queue to go to even before the notifier runs
        }
        publisher = new ConfirmedPublisher(c, codec, confirmTimeout);
      }
      publisher.publish(event);
    } catch (PublishException e) {
      reset();
      throw e;
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      reset();
      throw new PublishException("cannot publish " + event.messageId() + ": " + e.getMessage(), e);
    }
  }

  /** A failed channel is not reused: the next publish opens a new one. */
  private void reset() {
    if (publisher != null) {
      try {
        publisher.close();
      } catch (IOException | RuntimeException ignored) {
        // the channel is broken anyway
      }
      publisher = null;
    }
  }

  @Override
  public synchronized void close() {
    reset();
  }
}
