package io.video2mp3.operator.intake;

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
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bson.types.ObjectId;

/** The test's side of queue {@code video} on the real RabbitMQ: publish requests, watch dead letters. */
final class VideoQueue implements AutoCloseable {

  final Channel channel;
  final ConfirmedPublisher publisher;
  private final Connection connection;
  private final Set<String> deadLetterIds = new HashSet<>();

  /** Declares the topology and empties {@code video} and its dead-letter queue. */
  VideoQueue(String rabbitUri, String connectionName) throws Exception {
    connection = AmqpConnections.open(rabbitUri, connectionName, Duration.ofSeconds(5));
    channel = connection.createChannel();
    Topology.declare(channel);
    channel.queuePurge(Topology.VIDEO.name());
    channel.queuePurge(Topology.VIDEO.deadLetterQueue());
    publisher = new ConfirmedPublisher(connection, new EventCodec(), Duration.ofSeconds(5));
  }

  static ConversionRequested request(String bitrate) {
    String fileId = new ObjectId().toHexString();
    return ConversionRequested.of(OperatorHarness.NS, VideoConversion.nameForFileId(fileId),
        Source.upload(fileId, "talk.mp4"), OutputSpec.mp3(bitrate), new Owner("bob", "bob@example.com"),
        Instant.parse("2026-11-22T10:00:00Z"));
  }

  /** Ready messages in {@code video} (held, unacked deliveries do not count). */
  long ready() throws IOException {
    return channel.queueDeclarePassive(Topology.VIDEO.name()).getMessageCount();
  }

  long consumers() throws IOException {
    return channel.queueDeclarePassive(Topology.VIDEO.name()).getConsumerCount();
  }

  boolean deadLettered(String messageId) throws IOException {
    GetResponse response;
    while ((response = channel.basicGet(Topology.VIDEO.deadLetterQueue(), true)) != null) {
      deadLetterIds.add(response.getProps().getMessageId());
    }
    return deadLetterIds.contains(messageId);
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
