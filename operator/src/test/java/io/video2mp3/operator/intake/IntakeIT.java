package io.video2mp3.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.operator.OperatorHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake from the real RabbitMQ into the mock API server. */
class IntakeIT {

  private OperatorHarness harness;
  private VideoQueue queue;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, true);
    queue = new VideoQueue(harness.rabbitUri, "operator-intake-it");
    harness.startOperator();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    if (queue != null) {
      queue.close();
    }
  }

  @Test
  void createsTheRequestedConversionOnceAndAcks() throws Exception {
    ConversionRequested request = VideoQueue.request("128k");
    String fileId = request.source().fileId();
    queue.publisher.publish(request);

    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get(request.name()) != null);
    VideoConversion created = harness.get(request.name());
    assertThat(created.getSpec().getSource()).isEqualTo(Source.upload(fileId, "talk.mp4"));
    assertThat(created.getSpec().getOutput()).isEqualTo(OutputSpec.mp3("128k"));
    assertThat(created.getSpec().getOwner()).isEqualTo(new Owner("bob", "bob@example.com"));

    // The same request again (the gateway created it first, or a redelivery): acked, not dead-lettered.
    queue.publisher.publish(request);
    await().atMost(Duration.ofSeconds(20)).until(() -> queue.ready() == 0);
    harness.awaitJob(request.name());
    assertThat(queue.deadLettered(request.messageId())).isFalse();
    assertThat(harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).list().getItems())
        .filteredOn(vc -> vc.getMetadata().getName().equals(request.name())).hasSize(1);
  }

  @Test
  void poisonMessagesGoToTheDeadLetterQueue() throws Exception {
    String poisonId = "poison-" + UUID.randomUUID();
    queue.channel.basicPublish(Topology.EXCHANGE, Topology.CONVERSION_REQUESTED,
        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).messageId(poisonId).build(),
        "this is not json".getBytes(StandardCharsets.UTF_8));
    ConversionRequested refused = VideoQueue.request("fast");
    queue.publisher.publish(refused);
    ConversionRequested good = VideoQueue.request("192k");
    queue.publisher.publish(good);

    await().atMost(Duration.ofSeconds(20)).until(() -> queue.deadLettered(poisonId) && queue.deadLettered(refused.messageId()));
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get(good.name()) != null);
    assertThat(harness.get(refused.name())).isNull();
    assertThat(queue.deadLettered(good.messageId())).isFalse();
  }
}
