package io.video2mp3.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.Topology;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Infrastructure of the integration tests: the real RabbitMQ, GreenMail, MongoDB (in-JVM unless MONGODB_URI). */
public final class ItSupport {

  private ItSupport() {
  }

  public static String rabbitUri() {
    String uri = System.getenv("RABBITMQ_URI");
    return uri != null && !uri.isBlank() ? uri : "amqp://guest:guest@127.0.0.1:5672";
  }

  /** The real RabbitMQ, this MongoDB, and the SMTP server on 127.0.0.1 at this port. */
  public static void connectTo(DynamicPropertyRegistry registry, Supplier<Object> mongoUri, Supplier<Object> smtpPort) {
    registry.add("notifier.rabbitmq-uri", ItSupport::rabbitUri);
    registry.add("notifier.mongodb-uri", mongoUri);
    registry.add("notifier.smtp.host", () -> "127.0.0.1");
    registry.add("notifier.smtp.port", smtpPort);
    registry.add("notifier.download-link-secret", () -> Events.LINK_SECRET);
  }

  /** SMTP attempts per delivery, the timeout of each and the back-off between them (quick in tests). */
  public static void smtpRetry(DynamicPropertyRegistry registry, String timeout, int attempts, String initialBackoff,
      String maxBackoff) {
    registry.add("notifier.smtp.timeout", () -> timeout);
    registry.add("notifier.smtp.retry.attempts", () -> attempts);
    registry.add("notifier.smtp.retry.initial-backoff", () -> initialBackoff);
    registry.add("notifier.smtp.retry.max-backoff", () -> maxBackoff);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GreenMail greenMail(int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** Mails GreenMail received for one recipient (tests use a unique address each). */
  public static List<MimeMessage> mailsTo(GreenMail greenMail, String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
      try {
        Address[] to = message.getAllRecipients();
        return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  public static String uniqueRecipient() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  public static Connection rabbit() throws Exception {
    return AmqpConnections.open(rabbitUri(), "notifier-it", Duration.ofSeconds(10));
  }

  /** Declares the shared topology (never deletes shared queues) and empties what this module consumes. */
  public static void declareAndPurge(Connection connection) throws Exception {
    try (Channel channel = connection.createChannel()) {
      Topology.declare(channel);
      channel.queuePurge(Topology.MP3.name());
      channel.queuePurge(Topology.MP3.deadLetterQueue());
    }
  }

  /** A raw publish for payloads no codec would produce. */
  public static void publishRaw(Connection connection, String messageId, byte[] body) throws Exception {
    try (Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
          .contentType("application/json").deliveryMode(2).messageId(messageId).build();
      channel.basicPublish(Topology.EXCHANGE, Topology.CONVERSION_FINISHED, true, properties, body);
      channel.waitForConfirmsOrDie(10_000);
    }
  }

  /** True once a message with this id has been taken off mp3.dead (other dead letters are put back). */
  public static boolean takeDeadLetter(Connection connection, String messageId) throws Exception {
    try (Channel channel = connection.createChannel()) {
      while (true) {
        GetResponse response = channel.basicGet(Topology.MP3.deadLetterQueue(), false);
        if (response == null) {
          return false;
        }
        if (messageId.equals(response.getProps().getMessageId())) {
          channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
          return true;
        }
        // Not ours: leave it (unacked until the channel closes, so the loop does not see it again).
      }
    }
  }

  /** True while a message with this id is in mp3.dead; takes nothing off the queue. */
  public static boolean isDeadLettered(Connection connection, String messageId) throws Exception {
    try (Channel channel = connection.createChannel()) {
      GetResponse response;
      while ((response = channel.basicGet(Topology.MP3.deadLetterQueue(), false)) != null) {
        if (messageId.equals(response.getProps().getMessageId())) {
          return true;
        }
      }
      return false; // closing the channel puts back what it looked at
    }
  }

  /** Messages ready in queue mp3. */
  public static long ready(Connection connection) throws Exception {
    try (Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(Topology.MP3.name()).getMessageCount();
    }
  }

}
