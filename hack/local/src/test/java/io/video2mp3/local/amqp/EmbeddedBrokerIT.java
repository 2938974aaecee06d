package io.video2mp3.local.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.BrokerProduct;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.local.support.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared topology and the confirmed publisher work against the embedded Qpid broker. */
class EmbeddedBrokerIT {

  @TempDir
  Path dir;

  @Test
  void declaresTheTopologyAndConfirmsPublishes() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir, Ports.free());
         Connection connection = AmqpConnections.open(broker.uri(), "it", Duration.ofSeconds(10));
         Channel channel = connection.createChannel()) {
      assertThat(BrokerProduct.of(connection).isRabbitMq()).isFalse();
      Topology.declare(channel);
      Topology.declare(channel); // idempotent

      EventCodec codec = new EventCodec();
      try (ConfirmedPublisher publisher = new ConfirmedPublisher(connection, codec, Duration.ofSeconds(5))) {
        publisher.publish(ConversionRequested.of("video2mp3", "vc-1",
            Source.upload("665f1c2ab9d3e84a1c0f7e21", "talk.mp4"), OutputSpec.mp3("192k"),
            new Owner("demo", "demo@example.com"), Instant.now()));
      }
      GetResponse message = channel.basicGet(Topology.VIDEO.name(), true);
      assertThat(message).isNotNull();
      assertThat(message.getProps().getMessageId()).isEqualTo("video2mp3/vc-1/requested");
    }
  }
}
