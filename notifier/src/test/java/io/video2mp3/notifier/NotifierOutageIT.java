package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.rabbitmq.client.Connection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dependency down for longer than queue mp3's delivery limit allows requeues loses no mail: each
 * delivery that still finds it down goes to the back of the queue as a fresh copy, and once the
 * dependency is back exactly one mail goes out. Short timings, so that many such rounds pass quickly.
 * MongoDB is always the in-JVM server here: the test stops and restarts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotifierOutageIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** Rounds through the queue to wait for: more than a requeued message could survive. */
  private static final int ROUNDS = Topology.DELIVERY_LIMIT + 2;
  /** GreenMail listens here only while a test says SMTP is up. */
  private static final int SMTP_PORT = ItSupport.freePort();
  private static final int MONGO_PORT = ItSupport.freePort();
  private static volatile MongoServer mongo = startMongo();
  private static volatile GreenMail greenMail;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ItSupport.connectTo(registry,
        () -> "mongodb://127.0.0.1:" + MONGO_PORT + "/notifier-outage-it?serverSelectionTimeoutMS=300", () -> SMTP_PORT);
    ItSupport.smtpRetry(registry, "2s", 2, "50ms", "50ms");
    registry.add("notifier.smtp.health-cache-ttl", () -> "100ms");
    registry.add("notifier.consumer.requeue-delay", () -> "50ms");
    registry.add("notifier.dedup.mongo-outage-wait", () -> "200ms");
    registry.add("notifier.dedup.poll-interval", () -> "100ms");
  }

  private static MongoServer startMongo() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", MONGO_PORT);
    return server;
  }

  @AfterAll
  static void stopInfrastructure() {
    mongo.shutdownNow();
  }

  @LocalServerPort
  int managementPort;
  @Autowired
  MeterRegistry meterRegistry;

  private Connection rabbit;
  private ConfirmedPublisher publisher;

  @BeforeEach
  void setUp() throws Exception {
    rabbit = ItSupport.rabbit();
    ItSupport.declareAndPurge(rabbit);
    publisher = new ConfirmedPublisher(rabbit, new EventCodec(), Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() throws Exception {
    stopSmtp();
    if (mongo == null) {
      mongo = startMongo();
    }
    publisher.close();
    rabbit.close();
  }

  private static void startSmtp() {
    greenMail = ItSupport.greenMail(SMTP_PORT);
    greenMail.start();
  }

  private static void stopSmtp() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  private double requeued() {
    return meterRegistry.get("notifier.messages.requeued").counter().count();
  }

  /** The event went round the queue ROUNDS times and is not in mp3.dead. */
  private void awaitRoundsWithoutDeadLetter(ConversionFinished event, double requeuedBefore) throws Exception {
    await().atMost(TIMEOUT).until(() -> requeued() >= requeuedBefore + ROUNDS
        || ItSupport.isDeadLettered(rabbit, event.messageId()));
    assertThat(ItSupport.isDeadLettered(rabbit, event.messageId())).as("dead-lettered during the outage").isFalse();
  }

  /** One mail, and no copy left in the queue to send a second. */
  private void awaitExactlyOneMail(String recipient) {
    await().atMost(TIMEOUT).until(() -> ItSupport.mailsTo(greenMail, recipient).size() >= 1);
    await().atMost(TIMEOUT).until(() -> ItSupport.ready(rabbit) == 0);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> ItSupport.mailsTo(greenMail, recipient).size() == 1);
  }

  @Test
  void smtpDownLongerThanTheDeliveryLimitThenOneMail() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    ConversionFinished event = Events.succeeded(recipient, "outage.mp4");
    double requeuedBefore = requeued();

    publisher.publish(event); // nothing listens on SMTP_PORT: connection refused
    awaitRoundsWithoutDeadLetter(event, requeuedBefore);
    assertThat(meterRegistry.get("notifier.messages.dead.lettered").tags("reason", "smtp").counter().count()).isZero();

    startSmtp();
    awaitExactlyOneMail(recipient);
    assertThat(ItSupport.isDeadLettered(rabbit, event.messageId())).isFalse();
  }

  @Test
  void mongoDownLongerThanTheDeliveryLimitThenOneMail() throws Exception {
    startSmtp();
    String recipient = ItSupport.uniqueRecipient();
    ConversionFinished event = Events.succeeded(recipient, "outage.mp4");
    double requeuedBefore = requeued();
    mongo.shutdownNow();
    mongo = null;

    publisher.publish(event);
    awaitRoundsWithoutDeadLetter(event, requeuedBefore);
    assertThat(ItSupport.mailsTo(greenMail, recipient)).isEmpty();

    mongo = startMongo();
    awaitExactlyOneMail(recipient);
    assertThat(ItSupport.isDeadLettered(rabbit, event.messageId())).isFalse();
  }

  @Test
  void readinessIsDownWhileSmtpIsUnreachable() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"smtp\":{\"status\":\"DOWN\"");
    });
  }
}
