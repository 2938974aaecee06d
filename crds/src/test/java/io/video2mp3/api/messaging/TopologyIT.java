package io.video2mp3.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real RabbitMQ on localhost (RABBITMQ_URI to point elsewhere). */
class TopologyIT {

  static final String URI = System.getenv().getOrDefault("RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672");

  private Connection connection;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    connection = AmqpConnections.open(URI, "topology-it", Duration.ofSeconds(5));
    channel = connection.createChannel();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void declaringTwiceIsIdempotentAndUsesQuorumQueues() throws Exception {
    Topology.declare(channel);
    Topology.declare(channel);

    assertThat(BrokerProduct.of(connection).isRabbitMq()).isTrue();
    assertThat(channel.queueDeclarePassive("video").getQueue()).isEqualTo("video");
    assertThat(channel.queueDeclarePassive("mp3.dead").getQueue()).isEqualTo("mp3.dead");
  }

  @Test
  void confirmedPublishReachesTheBoundQueue() throws Exception {
    Topology.declare(channel);
    String probeQueue = "topology-it-" + UUID.randomUUID();
    channel.queueDeclare(probeQueue, false, true, true, null);
    channel.queueBind(probeQueue, Topology.EXCHANGE, "conversion.requested");
    ConversionRequested event = ConversionRequested.of("it", "vc-" + UUID.randomUUID(),
        Source.url("https://example.com/a.mp4", "a.mp4"), OutputSpec.mp3("128k"),
        new Owner("it", "it@example.com"), Instant.now());

    try (ConfirmedPublisher publisher = new ConfirmedPublisher(connection, new EventCodec(), Duration.ofSeconds(5))) {
      publisher.publish(event);
    }

    GetResponse response = channel.basicGet(probeQueue, true);
    assertThat(response).isNotNull();
    assertThat(response.getProps().getMessageId()).isEqualTo(event.messageId());
    assertThat(response.getProps().getContentType()).isEqualTo("application/json");
    assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(new EventCodec().decode(response.getBody(), ConversionRequested.class)).isEqualTo(event);
  }

  @Test
  void unroutablePublishFails() throws Exception {
    channel.exchangeDeclare(Topology.EXCHANGE, "topic", true);
    Event unroutable = new Unroutable("it/unroutable", "nobody.listens." + UUID.randomUUID());

    try (ConfirmedPublisher publisher = new ConfirmedPublisher(connection, new EventCodec(), Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> publisher.publish(unroutable))
          .isInstanceOf(ConfirmedPublisher.PublishException.class).hasMessageContaining("was returned");
    }
  }

  record Unroutable(String messageId, String routingKey) implements Event {
  }
}
