package io.video2mp3.operator;

import com.rabbitmq.client.Connection;
import io.video2mp3.api.messaging.AmqpConnections;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to RabbitMQ in the background until it succeeds: the operator must start without a
 * broker, since it may be the one that provisions it. After the first connection the client's
 * automatic recovery takes over.
 */
public class BrokerConnector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerConnector.class);
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private final String uri;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "amqp-connector");
    t.setDaemon(true);
    return t;
  });
  private final List<Consumer<Connection>> onConnected = new CopyOnWriteArrayList<>();
  private volatile Connection connection;
  private volatile boolean closed;

  public BrokerConnector(String uri) {
    this.uri = uri;
    AmqpConnections.factory(uri, Duration.ofSeconds(5)); // validates the URI now
  }

  /** Runs once the connection is up (at once if it already is). */
  public void whenConnected(Consumer<Connection> callback) {
    onConnected.add(callback);
    Connection current = connection;
    if (current != null) {
      callback.accept(current);
    }
  }

  public void start() {
    scheduler.execute(() -> attempt(Duration.ofSeconds(1)));
  }

  private void attempt(Duration delay) {
    if (closed) {
      return;
    }
    try {
      Connection c = AmqpConnections.open(uri, "video2mp3-operator", Duration.ofSeconds(10));
      connection = c;
      LOG.info("connected to RabbitMQ");
      for (Consumer<Connection> callback : onConnected) {
        try {
          callback.accept(c);
        } catch (RuntimeException e) {
          LOG.error("starting a RabbitMQ client failed: {}", e.getMessage(), e);
        }
      }
    } catch (Exception e) {
      LOG.warn("RabbitMQ unreachable ({}), retrying in {}", e.getMessage(), delay);
      Duration next = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      scheduler.schedule(() -> attempt(next), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public Optional<Connection> connection() {
    return Optional.ofNullable(connection);
  }

  public boolean isReachable() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    Connection c = connection;
    if (c != null && c.isOpen()) {
      try {
        c.close(5_000);
      } catch (Exception e) {
        LOG.debug("closing the RabbitMQ connection: {}", e.getMessage());
      }
    }
  }
}
