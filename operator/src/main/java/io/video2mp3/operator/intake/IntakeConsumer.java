package io.video2mp3.operator.intake;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.BackOfQueue;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.InvalidMessageException;
import io.video2mp3.api.messaging.Topology;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes queue {@code video}: creates the VideoConversion a message asks for, then acks.
 *
 * <p>A message that can never become a resource is rejected without requeue, so the quorum queue
 * dead-letters it to {@code video.dead}. While the API server is unavailable the message is held
 * (retried here with capped exponential backoff, which also pauses this channel's deliveries)
 * rather than requeued: every requeue counts against the queue's delivery limit, and an outage is
 * no reason to dead-letter an upload. After {@code maxHold} (kept below the broker's consumer
 * timeout) the same request is published again, confirmed, and only then the delivery acked: the
 * copy goes to the back of the queue with a fresh delivery count, so an outage of any length loses
 * nothing. (Creation is idempotent, so a copy published twice by a crash in between does no harm.)
 */
public class IntakeConsumer implements AutoCloseable {

  public static final int PREFETCH = 16;
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(IntakeConsumer.class);

  private final Connection connection;
  private final ConversionCreator creator;
  private final EventCodec codec;
  private final Backoff backoff;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Channel channel;
  /** Opens its channel at first need: most intakes never hold a message that long. */
  private final BackOfQueue backOfQueue;

  /** Retry delays: first, doubling up to max, for at most maxHold in total per delivery. */
  public record Backoff(Duration first, Duration max, Duration maxHold) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));
  }

  public IntakeConsumer(Connection connection, ConversionCreator creator, EventCodec codec, Backoff backoff) {
    this.connection = connection;
    this.creator = creator;
    this.codec = codec;
    this.backoff = backoff;
    this.backOfQueue = new BackOfQueue(connection, codec, CONFIRM_TIMEOUT);
  }

  public void start() throws IOException {
    Channel ch = connection.createChannel();
    Topology.declare(ch);
    ch.basicQos(PREFETCH);
    ch.basicConsume(Topology.VIDEO.name(), false, "video2mp3-operator-intake", new DefaultConsumer(ch) {
      @Override
      public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
          throws IOException {
        handle(getChannel(), envelope.getDeliveryTag(), properties, body);
      }
    });
    channel = ch;
    LOG.info("consuming queue {}", Topology.VIDEO.name());
  }

  void handle(Channel ch, long tag, AMQP.BasicProperties properties, byte[] body) throws IOException {
    String messageId = properties == null ? null : properties.getMessageId();
    ConversionRequested request;
    VideoConversion conversion;
    try {
      request = codec.decode(body, ConversionRequested.class);
      conversion = ConversionRequests.toResource(request);
    } catch (InvalidMessageException e) {
      LOG.warn("dead-lettering message {}: {}", messageId, e.getMessage());
      ch.basicReject(tag, false);
      return;
    }
    String key = conversion.getMetadata().getNamespace() + "/" + conversion.getMetadata().getName();
    long deadline = System.nanoTime() + backoff.maxHold().toNanos();
    Duration delay = backoff.first();
    while (true) {
      ConversionCreator.Result result = creator.create(conversion);
      switch (result.outcome()) {
        case CREATED, EXISTS -> {
          LOG.info("{} {}", result.outcome() == ConversionCreator.Outcome.CREATED ? "created" : "already exists:", key);
          ch.basicAck(tag, false);
          return;
        }
        case REFUSED -> {
          LOG.warn("dead-lettering message {}: the API server refused {}: {}", messageId, key, result.detail());
          ch.basicReject(tag, false);
          return;
        }
        default -> {
          if (System.nanoTime() + delay.toNanos() > deadline) {
            LOG.warn("API server still unavailable for {} ({}): sending it to the back of the queue", key, result.detail());
            backOfQueue.send(ch, tag, request);
            return;
          }
          if (!pause(delay)) {
            BackOfQueue.requeue(ch, tag); // shutting down
            return;
          }
          LOG.info("API server unavailable for {} ({}), retrying in {}", key, result.detail(), delay);
          delay = delay.multipliedBy(2).compareTo(backoff.max()) > 0 ? backoff.max() : delay.multipliedBy(2);
        }
      }
    }
  }

  /** Waits, unless closed meanwhile; false when closed. */
  private boolean pause(Duration delay) {
    try {
      return !closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    closed.countDown();
    backOfQueue.close();
    Channel ch = channel;
    if (ch != null && ch.isOpen()) {
      try {
        ch.close();
      } catch (IOException | TimeoutException | RuntimeException e) {
        LOG.debug("closing the intake channel: {}", e.getMessage());
      }
    }
  }
}
