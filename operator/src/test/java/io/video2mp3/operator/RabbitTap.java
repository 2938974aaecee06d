package io.video2mp3.operator;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sees every ConversionFinished this test causes through its own exclusive queue bound beside
 * {@code mp3}: other engineers' consumers on the shared broker may take the messages from {@code mp3}.
 */
public class RabbitTap implements AutoCloseable {

  private final Connection connection;
  private final Channel channel;
  private final String queue;
  private final EventCodec codec = new EventCodec();
  private final List<ConversionFinished> received = new ArrayList<>();

  public RabbitTap(String uri) throws Exception {
    connection = AmqpConnections.open(uri, "operator-it-tap", Duration.ofSeconds(5));
    channel = connection.createChannel();
    Topology.declare(channel);
    queue = channel.queueDeclare("", false, true, true, null).getQueue();
    channel.queueBind(queue, Topology.EXCHANGE, Topology.CONVERSION_FINISHED);
  }

  /** Everything received so far, for events of conversions with this uid. */
  public synchronized List<ConversionFinished> finished(String uid) throws Exception {
    GetResponse response;
    while ((response = channel.basicGet(queue, true)) != null) {
      received.add(codec.decode(response.getBody(), ConversionFinished.class));
    }
    return received.stream().filter(e -> e.uid().equals(uid)).toList();
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
