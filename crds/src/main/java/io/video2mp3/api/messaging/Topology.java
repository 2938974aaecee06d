package io.video2mp3.api.messaging;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RabbitMQ topology every service declares: one topic exchange, a quorum queue per event with a
 * dead-letter queue beside it. Every declarer uses these arguments, since RabbitMQ refuses (406) to
 * redeclare a queue with different ones.
 */
public final class Topology {

  public static final String EXCHANGE = "video2mp3";
  public static final String CONVERSION_REQUESTED = "conversion.requested";
  public static final String CONVERSION_FINISHED = "conversion.finished";
  /** Deliveries of one message before a quorum queue dead-letters it (a consumer crashing on it, say). */
  public static final int DELIVERY_LIMIT = 5;

  public static final QueueSpec VIDEO = new QueueSpec("video", CONVERSION_REQUESTED, "video.dead");
  public static final QueueSpec MP3 = new QueueSpec("mp3", CONVERSION_FINISHED, "mp3.dead");
  public static final List<QueueSpec> QUEUES = List.of(VIDEO, MP3);

  private Topology() {
  }

  /** A work queue, the routing key bound to it, and the queue its dead letters go to. */
  public record QueueSpec(String name, String routingKey, String deadLetterQueue) {
  }

  /** Declares the whole topology; idempotent. */
  public static void declare(Channel channel) throws IOException {
    boolean rabbitMq = BrokerProduct.of(channel.getConnection()).isRabbitMq();
    channel.exchangeDeclare(EXCHANGE, "topic", true);
    for (QueueSpec queue : QUEUES) {
      channel.queueDeclare(queue.deadLetterQueue(), true, false, false, deadLetterQueueArguments(rabbitMq));
      channel.queueDeclare(queue.name(), true, false, false, workQueueArguments(queue, rabbitMq));
      channel.queueBind(queue.name(), EXCHANGE, queue.routingKey());
    }
  }

  /**
   * Quorum queues with a delivery limit on RabbitMQ; classic durable queues on other AMQP 0-9-1
   * brokers (the embedded broker of local mode), which know neither.
   */
  public static Map<String, Object> workQueueArguments(QueueSpec queue, boolean rabbitMq) {
    Map<String, Object> arguments = new HashMap<>();
    // Dead letters go through the default exchange straight to the queue named by the routing key.
    arguments.put("x-dead-letter-exchange", "");
    arguments.put("x-dead-letter-routing-key", queue.deadLetterQueue());
    if (rabbitMq) {
      arguments.put("x-queue-type", "quorum");
      arguments.put("x-delivery-limit", DELIVERY_LIMIT);
    }
    return arguments;
  }

  public static Map<String, Object> deadLetterQueueArguments(boolean rabbitMq) {
    return rabbitMq ? Map.of("x-queue-type", "quorum") : Map.of();
  }
}
