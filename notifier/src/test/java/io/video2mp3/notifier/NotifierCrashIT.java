package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.Connection;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.storage.Deliveries;
import io.video2mp3.api.storage.StorageLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.video2mp3.testsupport.mongo.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A notifier SIGKILLed in the middle of an SMTP transaction (the whole mail sent, the server's 250 not
 * yet back): another notifier takes the delivery over one claim lease (15 s by default) after the last
 * heartbeat, sends exactly one mail and records its delivery. Both notifiers run the real jar's main in
 * processes of their own, with the default lease.
 */
class NotifierCrashIT {

  private final TestMongo mongo = new TestMongo("notifier-crash-it");
  private final GreenMail greenMail = ItSupport.greenMail(ItSupport.freePort());
  private final List<Process> notifiers = new ArrayList<>();
  private StallingSmtpProxy smtp;
  private Connection rabbit;

  @BeforeEach
  void setUp() throws Exception {
    greenMail.start();
    smtp = new StallingSmtpProxy(greenMail.getSmtp().getPort());
    rabbit = ItSupport.rabbit();
    ItSupport.declareAndPurge(rabbit);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process notifier : notifiers) {
      notifier.destroyForcibly().waitFor();
    }
    rabbit.close();
    smtp.close();
    greenMail.stop();
    mongo.close();
  }

  @Test
  void aNotifierKilledWhileSendingGivesExactlyOneMailWithinSeconds() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    ConversionFinished event = Events.succeeded(recipient, "talk.mp4");
    Process first = notifier("first");
    try (ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, new EventCodec(), Duration.ofSeconds(10))) {
      publisher.publish(event);
    }
    assertThat(smtp.stalled().await(60, TimeUnit.SECONDS)).as("the first notifier sent the mail's DATA").isTrue();

    first.destroyForcibly().waitFor(); // SIGKILL between DATA and the 250 reply
    Instant killed = Instant.now();
    notifier("second");

    await().atMost(Duration.ofSeconds(90)).until(() -> !ItSupport.mailsTo(greenMail, recipient).isEmpty());
    Duration late = Duration.between(killed, Instant.now());
    // a lease (15 s) plus the second notifier's start; the old 5-minute lease took minutes
    assertThat(late).isLessThan(Duration.ofSeconds(60));
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      Deliveries deliveries = new Deliveries(client.getDatabase(new ConnectionString(mongo.uri()).getDatabase())
          .getCollection(StorageLayout.DELIVERIES_COLLECTION));
      await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(event.uid()).isPresent());
      assertThat(deliveries.find(event.uid()).get().state()).isEqualTo(Notification.State.Sent);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ItSupport.ready(rabbit) == 0);
    assertThat(ItSupport.mailsTo(greenMail, recipient)).hasSize(1);
  }

  private Process notifier(String name) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        NotifierApplication.class.getName())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "notifier-crash-it-" + name + ".log").toFile());
    builder.environment().putAll(Map.of(
        "SERVER_PORT", "0",
        "RABBITMQ_URI", ItSupport.rabbitUri(),
        "MONGODB_URI", mongo.uri(),
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", Integer.toString(smtp.port()),
        // longer than the test takes to kill it: the first notifier must still be waiting for the 250
        "SMTP_TIMEOUT", "60s",
        "SMTP_RETRY_ATTEMPTS", "1",
        "NOTIFIER_CONCURRENCY", "1",
        "NOTIFIER_PREFETCH", "1",
        "DOWNLOAD_LINK_SECRET", Events.LINK_SECRET));
    Process process = builder.start();
    notifiers.add(process);
    return process;
  }
}
