package io.video2mp3.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real RabbitMQ on localhost (RABBITMQ_URI to point elsewhere), on a queue of its own. */
class BackOfQueueIT {

  private final EventCodec codec = new EventCodec();
  private final String routingKey = "back-of-queue-it." + UUID.randomUUID();
  private final String queue = "back-of-queue-it-" + UUID.randomUUID();
  private Connection connection;
  private Channel channel;
  private BackOfQueue backOfQueue;

  @BeforeEach
  void connect() throws Exception {
    connection = AmqpConnections.open(TopologyIT.URI, "back-of-queue-it", Duration.ofSeconds(5));
    channel = connection.createChannel();
    Topology.declare(channel);
    // A quorum queue that returns a message once at most: a second requeue would drop it.
    channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 1));
    channel.queueBind(queue, Topology.EXCHANGE, routingKey);
    backOfQueue = new BackOfQueue(connection, codec, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() throws Exception {
    backOfQueue.close();
    try (Channel cleanup = connection.createChannel()) {
      cleanup.queueDelete(queue);
    }
    connection.close();
  }

  private Probe probe(String name) {
    return new Probe(name + "-" + UUID.randomUUID(), routingKey);
  }

  private void publish(Event event) throws Exception {
    try (ConfirmedPublisher publisher = new ConfirmedPublisher(connection, codec, Duration.ofSeconds(5))) {
      publisher.publish(event);
    }
  }

  private GetResponse get() throws Exception {
    return channel.basicGet(queue, false);
  }

  /** How often the queue returned this message before (the quorum queue's header; absent means 0). */
  private static long deliveryCount(GetResponse response) {
    Map<String, Object> headers = response.getProps().getHeaders();
    Object count = headers == null ? null : headers.get("x-delivery-count");
    return count == null ? 0 : ((Number) count).longValue();
  }

  @Test
  void theCopyGoesBehindTheOthersWithAFreshDeliveryCountAndTheDeliveryIsAcked() throws Exception {
    Probe first = probe("first");
    Probe second = probe("second");
    publish(first);
    publish(second);
    GetResponse held = get();
    channel.basicNack(held.getEnvelope().getDeliveryTag(), false, true); // returned once: the limit
    held = get();
    assertThat(held.getProps().getMessageId()).isEqualTo(first.messageId());
    assertThat(deliveryCount(held)).isEqualTo(1);

    assertThat(backOfQueue.send(channel, held.getEnvelope().getDeliveryTag(), first)).isTrue();

    GetResponse next = get();
    assertThat(next.getProps().getMessageId()).isEqualTo(second.messageId());
    channel.basicAck(next.getEnvelope().getDeliveryTag(), false);
    GetResponse copy = get();
    assertThat(copy.getProps().getMessageId()).isEqualTo(first.messageId());
    assertThat(copy.getEnvelope().isRedeliver()).isFalse();
    assertThat(deliveryCount(copy)).isZero();
    assertThat(codec.decode(copy.getBody(), Probe.class)).isEqualTo(first);
    // The copy may be returned once more without being dropped: its count started afresh.
    channel.basicNack(copy.getEnvelope().getDeliveryTag(), false, true);
    GetResponse again = get();
    assertThat(again.getProps().getMessageId()).isEqualTo(first.messageId());
    channel.basicAck(again.getEnvelope().getDeliveryTag(), false);
    // ... and the original was acked, not left unacked to come back when the channel closes.
    channel.close();
    try (Channel check = connection.createChannel()) {
      assertThat(check.queueDeclarePassive(queue).getMessageCount()).isZero();
    }
  }

  @Test
  void anUnconfirmedCopyRequeuesTheDeliveryAndTheNextCopyUsesAFreshChannel() throws Exception {
    Probe held = probe("held");
    publish(held);
    GetResponse delivery = get();
    Probe unroutable = new Probe(held.messageId(), "nobody.listens." + UUID.randomUUID());

    assertThat(backOfQueue.send(channel, delivery.getEnvelope().getDeliveryTag(), unroutable)).isFalse();

    GetResponse requeued = get();
    assertThat(requeued.getProps().getMessageId()).isEqualTo(held.messageId());
    assertThat(requeued.getEnvelope().isRedeliver()).isTrue();
    assertThat(backOfQueue.send(channel, requeued.getEnvelope().getDeliveryTag(), held)).isTrue();
    GetResponse copy = get();
    assertThat(copy.getEnvelope().isRedeliver()).isFalse();
    assertThat(copy.getProps().getMessageId()).isEqualTo(held.messageId());
  }

  @Test
  void withoutABrokerConnectionTheDeliveryIsRequeued() throws Exception {
    Probe held = probe("held");
    publish(held);
    GetResponse delivery = get();

    try (BackOfQueue unconnected = new BackOfQueue(null, codec, Duration.ofSeconds(5))) {
      assertThat(unconnected.send(channel, delivery.getEnvelope().getDeliveryTag(), held)).isFalse();
    }

    GetResponse requeued = get();
    assertThat(requeued.getProps().getMessageId()).isEqualTo(held.messageId());
    assertThat(requeued.getEnvelope().isRedeliver()).isTrue();
  }

  record Probe(String messageId, String routingKey) implements Event {
  }
}
