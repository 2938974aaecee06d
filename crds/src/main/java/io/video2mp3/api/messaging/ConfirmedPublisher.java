package io.video2mp3.api.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events with publisher confirms: {@link #publish} returns only once the broker has taken
 * responsibility for the message (routed to a queue and persisted), and throws otherwise.
 * One channel, publishes serialised: a confirm is awaited before the next message goes out.
 */
public class ConfirmedPublisher implements AutoCloseable {

  private final Channel channel;
  private final EventCodec codec;
  private final Duration confirmTimeout;
  private volatile String returnedMessageId;

  public ConfirmedPublisher(Connection connection, EventCodec codec, Duration confirmTimeout) throws IOException {
    this.codec = codec;
    this.confirmTimeout = confirmTimeout;
    this.channel = connection.createChannel();
    channel.confirmSelect();
    // Mandatory publishes come back here when no queue is bound: a confirm alone would not say so.
    channel.addReturnListener(returned -> returnedMessageId = returned.getProperties().getMessageId());
  }

  public synchronized void publish(Event event) throws PublishException {
    String messageId = event.messageId();
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType(EventCodec.CONTENT_TYPE)
        .deliveryMode(2)
        .messageId(messageId)
        .type(event.getClass().getSimpleName())
        .timestamp(java.util.Date.from(Instant.now()))
        .build();
    returnedMessageId = null;
    try {
      channel.basicPublish(Topology.EXCHANGE, event.routingKey(), true, properties, codec.encode(event));
      channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting for the broker to confirm " + messageId, e);
    } catch (IOException | TimeoutException | RuntimeException e) {
      throw new PublishException("the broker did not confirm " + messageId + ": " + e.getMessage(), e);
    }
    if (messageId.equals(returnedMessageId)) {
      throw new PublishException("no queue is bound for " + event.routingKey() + "; " + messageId + " was returned", null);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (TimeoutException e) {
      throw new IOException("timed out closing the publisher channel", e);
    }
  }

  /** The broker did not take the message; the caller decides whether to retry or give up. */
  public static class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
