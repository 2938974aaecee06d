package io.video2mp3.api.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.video2mp3.api.messaging.ConfirmedPublisher.PublishException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a delivery that cannot be handled yet (a dependency is down) to the back of its queue: the
 * same event is published again with publisher confirms, and only once the broker has confirmed the
 * copy is the delivery acked. The copy starts with a fresh delivery count, so an outage of any length
 * never reaches the quorum queue's delivery limit ({@link Topology#DELIVERY_LIMIT}) and dead-letters
 * nothing. If the copy is not confirmed, the delivery is requeued instead (then it does count).
 *
 * <p>The message id stays the same, so consumers that deduplicate by id drop the rare second copy
 * (a crash between the confirm and the ack). The publishing channel is opened on the given connection
 * at first need, shared by the caller's threads (publishes are serialised), and reopened after a failure.
 */
public class BackOfQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackOfQueue.class);

  private final Connection connection;
  private final EventCodec codec;
  private final Duration confirmTimeout;
  private ConfirmedPublisher publisher;

  /** @param connection where to publish the copies; null only where nothing may be published (tests) */
  public BackOfQueue(Connection connection, EventCodec codec, Duration confirmTimeout) {
    this.connection = connection;
    this.codec = codec;
    this.confirmTimeout = confirmTimeout;
  }

  /**
   * Publishes {@code event} again, then acks delivery {@code deliveryTag} on {@code channel}; requeues
   * the delivery when the copy is not confirmed.
   *
   * @return true when the copy is confirmed and the delivery acked, false when it was requeued instead
   * @throws IOException when the ack or nack itself fails (the channel is gone: the broker redelivers)
   */
  public boolean send(Channel channel, long deliveryTag, Event event) throws IOException {
    try {
      publisher().publish(event);
    } catch (PublishException | IOException | RuntimeException e) {
      LOG.warn("could not publish {} again ({}); requeueing it", event.messageId(), e.getMessage());
      closePublisher();
      requeue(channel, deliveryTag);
      return false;
    }
    channel.basicAck(deliveryTag, false);
    return true;
  }

  /** Puts the delivery back where it was (counts against the delivery limit); a no-op on a closed channel. */
  public static void requeue(Channel channel, long deliveryTag) throws IOException {
    if (channel.isOpen()) {
      channel.basicNack(deliveryTag, false, true);
    }
  }

  private synchronized ConfirmedPublisher publisher() throws IOException {
    if (publisher == null) {
      if (connection == null) {
        throw new IOException("no broker connection to publish on");
      }
      publisher = new ConfirmedPublisher(connection, codec, confirmTimeout);
    }
    return publisher;
  }

  private synchronized void closePublisher() {
    ConfirmedPublisher current = publisher;
    publisher = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing the back-of-queue publisher: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closePublisher();
  }
}
