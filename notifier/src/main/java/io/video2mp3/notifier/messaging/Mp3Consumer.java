package io.video2mp3.notifier.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.BackOfQueue;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.InvalidMessageException;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.notifier.config.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes queue {@code mp3} with manual acknowledgements and a bounded prefetch; deliveries are handled
 * by a fixed pool of workers (the prefetch bounds the work queue). The connection recovers by itself
 * (amqp-client automatic recovery, consumers included); a supervisor additionally connects when the
 * broker was down at start-up and re-opens the channel after a channel-level error or a cancelled
 * consumer, which automatic recovery does not cover.
 *
 * <p>A delivery whose dependency is still down after the handler's in-process wait goes to the back of
 * the queue ({@link BackOfQueue}): republished with confirms, then acked, so its delivery count never
 * reaches the quorum queue's limit. The longest a delivery is held stays well below RabbitMQ's consumer
 * timeout (see {@code NotifierProperties#longestHoldOfAPrefetchedDelivery}).
 */
public class Mp3Consumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Mp3Consumer.class);
  private static final Duration SUPERVISE_EVERY = Duration.ofSeconds(2);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

  private final String uri;
  private final int prefetch;
  private final int concurrency;
  private final Duration requeueDelay;
  private final Duration connectTimeout;
  private final NotificationHandler handler;
  private final EventCodec codec;
  private final Sleeper sleeper;

  private final Object lock = new Object();
  private ScheduledExecutorService supervisor;
  private ThreadPoolExecutor workers;
  private volatile boolean running;
  private volatile Connection connection;
  private volatile BackOfQueue backOfQueue;
  private volatile Channel channel;
  private volatile String consumerTag;

  /** @param requeueDelay the pause before a delivery goes back to the queue (a dependency is down) */
  public Mp3Consumer(String uri, int prefetch, int concurrency, Duration requeueDelay, Duration connectTimeout,
      NotificationHandler handler, EventCodec codec, Sleeper sleeper) {
    this.uri = uri;
    this.prefetch = prefetch;
    this.concurrency = concurrency;
    this.requeueDelay = requeueDelay;
    this.connectTimeout = connectTimeout;
    this.handler = handler;
    this.codec = codec;
    this.sleeper = sleeper;
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (running) {
        return;
      }
      running = true;
      workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(prefetch), threads("notifier-worker-"),
          // Only reachable if a recovered channel delivers while old work is queued: slow the broker down.
          new ThreadPoolExecutor.CallerRunsPolicy());
      supervisor = Executors.newSingleThreadScheduledExecutor(threads("notifier-amqp-supervisor-"));
      supervisor.scheduleWithFixedDelay(this::ensureConsuming, 0, SUPERVISE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** True while the connection is open and a consumer is registered on queue mp3 (readiness). */
  public boolean isConsuming() {
    Connection conn = connection;
    Channel ch = channel;
    return running && conn != null && conn.isOpen() && ch != null && ch.isOpen() && consumerTag != null;
  }

  private void ensureConsuming() {
    synchronized (lock) {
      if (!running) {
        return;
      }
      try {
        if (connection == null) {
          connection = AmqpConnections.open(uri, "video2mp3-notifier", connectTimeout);
          backOfQueue = new BackOfQueue(connection, codec, CONFIRM_TIMEOUT);
          log.info("connected to RabbitMQ");
        }
        if (!connection.isOpen()) {
          return; // automatic recovery is at work
        }
        if (channel == null || !channel.isOpen() || consumerTag == null) {
          openChannelAndConsume();
        }
      } catch (Exception e) {
        log.warn("not consuming from {} yet ({}); retrying in {}", Topology.MP3.name(), e.getMessage(), SUPERVISE_EVERY);
      }
    }
  }

  private void openChannelAndConsume() throws IOException {
    Channel previous = channel;
    if (previous != null && previous.isOpen()) {
      closeQuietly(previous);
    }
    Channel ch = connection.createChannel();
    Topology.declare(ch);
    ch.basicQos(prefetch);
    channel = ch;
    consumerTag = ch.basicConsume(Topology.MP3.name(), false, "video2mp3-notifier", new DefaultConsumer(ch) {
      @Override
      public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        long deliveryTag = envelope.getDeliveryTag();
        workers.execute(() -> process(ch, deliveryTag, body));
      }

      @Override
      public void handleCancel(String tag) {
        // The queue was deleted or the broker cancelled us: the supervisor re-declares and re-consumes.
        log.warn("the broker cancelled the consumer on {}", Topology.MP3.name());
        consumerTag = null;
      }

      @Override
      public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication()) {
          log.warn("channel closed: {}", signal.getMessage());
        }
      }
    });
    log.info("consuming from {} (prefetch {}, {} workers)", Topology.MP3.name(), prefetch, concurrency);
  }

  private void process(Channel ch, long deliveryTag, byte[] body) {
    Outcome outcome = handler.handle(body);
    try {
      switch (outcome) {
        case ACK -> ch.basicAck(deliveryTag, false);
        case DEAD_LETTER -> ch.basicReject(deliveryTag, false);
        case RETRY_LATER -> {
          try {
            sleeper.sleep(requeueDelay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            BackOfQueue.requeue(ch, deliveryTag); // shutting down
            return;
          }
          // It decoded a moment ago: the handler returns RETRY_LATER only for a valid event.
          backOfQueue.send(ch, deliveryTag, codec.decode(body, ConversionFinished.class));
        }
        case REQUEUE -> BackOfQueue.requeue(ch, deliveryTag);
      }
    } catch (IOException | InvalidMessageException | RuntimeException e) {
      // Channel gone (connection lost, shutting down): the broker redelivers, the dedup record decides.
      log.warn("cannot {} delivery {}: {}", outcome, deliveryTag, e.getMessage());
    }
  }

  @Override
  public void stop() {
    ThreadPoolExecutor toDrain;
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      supervisor.shutdownNow();
      Channel ch = channel;
      String tag = consumerTag;
      if (ch != null && ch.isOpen() && tag != null) {
        try {
          ch.basicCancel(tag); // no new deliveries; those in hand are finished and acked
        } catch (IOException | RuntimeException e) {
          log.debug("cannot cancel the consumer: {}", e.getMessage());
        }
      }
      toDrain = workers;
    }
    toDrain.shutdown();
    try {
      if (!toDrain.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        // Unacked messages return to the queue when the channel closes.
        toDrain.shutdownNow();
      }
    } catch (InterruptedException e) {
      toDrain.shutdownNow();
      Thread.currentThread().interrupt();
    }
    synchronized (lock) {
      Connection conn = connection;
      BackOfQueue copies = backOfQueue;
      connection = null;
      backOfQueue = null;
      channel = null;
      if (copies != null) {
        copies.close();
      }
      consumerTag = null;
      if (conn != null) {
        try {
          conn.close((int) connectTimeout.toMillis());
        } catch (IOException | RuntimeException e) {
          log.debug("cannot close the connection cleanly: {}", e.getMessage());
        }
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static void closeQuietly(Channel ch) {
    try {
      ch.close();
    } catch (Exception e) {
      log.debug("cannot close channel: {}", e.getMessage());
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
