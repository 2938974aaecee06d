package io.video2mp3.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.storage.Deliveries;
import io.video2mp3.notifier.Events;
import io.video2mp3.notifier.InMemoryMongo;
import io.video2mp3.notifier.config.Sleeper;
import io.video2mp3.notifier.dedup.ClaimHeartbeat;
import io.video2mp3.notifier.dedup.ClaimResult;
import io.video2mp3.notifier.dedup.HandledEvents;
import io.video2mp3.notifier.mail.Email;
import io.video2mp3.notifier.mail.MailComposer;
import io.video2mp3.notifier.mail.MailDelivery;
import io.video2mp3.notifier.mail.RetryPolicy;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

class NotificationHandlerTest {

  @RegisterExtension static final InMemoryMongo mongo = new InMemoryMongo();

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private final EventCodec codec = new EventCodec();
  private final List<Email> sent = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final NotifierMetrics metrics = new NotifierMetrics(registry);
  private MongoCollection<Document> collection;
  private HandledEvents handledEvents;
  private boolean smtpDown;
  private MessagingException rejection;

  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
  private Deliveries deliveries;

  @AfterEach
  void stopRenewals() {
    renewals.shutdownNow();
  }

  @BeforeEach
  void setUp() {
    deliveries = new Deliveries(mongo.emptyCollection("handler-test", "deliveries"));
    collection = mongo.emptyCollection("handler-test", "handledEvents");
    handledEvents = new HandledEvents(collection, deliveries, clock,
        Duration.ofDays(30), Duration.ofMinutes(5));
  }

  private NotificationHandler handler(HandledEvents events, Sleeper sleeper) {
    MailDelivery delivery = new MailDelivery(mail -> {
      if (smtpDown) {
        throw new MessagingException("Connection refused");
      }
      if (rejection != null) {
        throw rejection;
      }
      sent.add(mail);
    }, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper, (a, f) -> metrics.smtpRetry());
    return new NotificationHandler(codec, new MailComposer("http://localhost:8080", 7, SignedLink.fromSecret(Events.LINK_SECRET), clock),
        delivery, events, new ClaimHeartbeat(events, renewals, Duration.ofMinutes(5)), metrics, sleeper, clock,
        Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(5));
  }

  private NotificationHandler handler() {
    return handler(handledEvents, duration -> clock.add(duration));
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void sendsOnceAndDropsTheDuplicate() {
    ConversionFinished event = Events.succeeded("bob@example.com", "talk.mp4");
    byte[] body = codec.encode(event);

    assertThat(handler().handle(body)).isEqualTo(Outcome.ACK);
    assertThat(handler().handle(body)).isEqualTo(Outcome.ACK);

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).subject()).isEqualTo("Your MP3 is ready: talk.mp3");
    assertThat(count("notifier.emails.sent", "conversion", "succeeded")).isEqualTo(1);
    assertThat(count("notifier.messages.duplicates")).isEqualTo(1);
    assertThat(collection.find(new Document("_id", event.messageId())).first().getString("status")).isEqualTo("sent");
    assertThat(deliveries.find(event.uid()))
        .contains(new Notification(Notification.State.Sent, "2026-11-22T10:00:00Z", null));
  }

  @Test
  void invalidMessagesAreDeadLetteredAtOnce() {
    NotificationHandler handler = handler();

    assertThat(handler.handle("{not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(Outcome.DEAD_LETTER);
    assertThat(handler.handle("{\"type\":\"Nope\",\"version\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Outcome.DEAD_LETTER);
    assertThat(handler.handle("null".getBytes(StandardCharsets.UTF_8))).isEqualTo(Outcome.DEAD_LETTER);
    assertThat(handler.handle(codec.encode(Events.succeeded("no-at-sign", "a.mp4")))).isEqualTo(Outcome.DEAD_LETTER);

    assertThat(sent).isEmpty();
    assertThat(count("notifier.messages.dead.lettered", "reason", "invalid")).isEqualTo(4);
    assertThat(collection.countDocuments()).isZero();
  }

  @Test
  void smtpDownGoesToTheBackOfTheQueueAndReleasesTheClaim() {
    smtpDown = true;
    ConversionFinished event = Events.failed("bob@example.com", "a.mp4", "boom");

    assertThat(handler().handle(codec.encode(event))).isEqualTo(Outcome.RETRY_LATER);

    assertThat(count("notifier.smtp.retries")).isEqualTo(2);
    assertThat(count("notifier.messages.requeued")).isEqualTo(1);
    assertThat(count("notifier.emails.failed")).isZero();
    assertThat(count("notifier.messages.dead.lettered", "reason", "smtp")).isZero();
    // released: the copy at the back of the queue sends
    assertThat(collection.countDocuments()).isZero();
    smtpDown = false;
    assertThat(handler().handle(codec.encode(event))).isEqualTo(Outcome.ACK);
    assertThat(sent).hasSize(1);
  }

  @Test
  void aRecipientRefusedForGoodIsDeadLettered() throws Exception {
    rejection = new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("bob@example.com"), "RCPT TO", 550, "550 5.1.1 no such user"),
        null, null, new InternetAddress[] {new InternetAddress("bob@example.com")});
    ConversionFinished event = Events.succeeded("bob@example.com", "a.mp4");

    assertThat(handler().handle(codec.encode(event))).isEqualTo(Outcome.DEAD_LETTER);

    assertThat(count("notifier.smtp.retries")).isZero();
    assertThat(count("notifier.emails.failed")).isEqualTo(1);
    assertThat(count("notifier.messages.dead.lettered", "reason", "smtp")).isEqualTo(1);
    assertThat(count("notifier.messages.requeued")).isZero();
    assertThat(collection.countDocuments()).isZero();
    assertThat(deliveries.find(event.uid())).hasValueSatisfying(notification -> {
      assertThat(notification.state()).isEqualTo(Notification.State.Failed);
      assertThat(notification.message()).contains("550");
    });
  }

  @Test
  void waitsForAConcurrentHolderInsteadOfSendingTwice() {
    ConversionFinished event = Events.succeeded("bob@example.com", "talk.mp4");
    ClaimResult.Claimed other = (ClaimResult.Claimed) handledEvents.claim(event.messageId());
    // The other delivery finishes while we wait.
    Sleeper otherFinishes = duration -> {
      clock.add(duration);
      handledEvents.markSent(event.messageId(), other.token(), event.uid());
    };

    assertThat(handler(handledEvents, otherFinishes).handle(codec.encode(event))).isEqualTo(Outcome.ACK);

    assertThat(sent).isEmpty();
    assertThat(count("notifier.messages.duplicates")).isEqualTo(1);
  }

  @Test
  void aClaimAliveLongerThanTheWaitSendsTheDeliveryToTheBackOfTheQueue() {
    ConversionFinished event = Events.succeeded("bob@example.com", "talk.mp4");
    ClaimResult.Claimed other = (ClaimResult.Claimed) handledEvents.claim(event.messageId());
    // The other delivery is alive: its heartbeat renews the claim while we wait.
    Sleeper otherRenews = duration -> {
      clock.add(duration);
      handledEvents.renew(event.messageId(), other.token());
    };

    assertThat(handler(handledEvents, otherRenews).handle(codec.encode(event))).isEqualTo(Outcome.RETRY_LATER);

    assertThat(sent).isEmpty();
    assertThat(count("notifier.messages.requeued")).isEqualTo(1);
    assertThat(count("notifier.messages.dead.lettered", "reason", "error")).isZero();
  }

  @Test
  void takesOverTheClaimOfACrashedDelivery() {
    ConversionFinished event = Events.succeeded("bob@example.com", "talk.mp4");
    handledEvents.claim(event.messageId()); // the crashed holder never commits

    assertThat(handler().handle(codec.encode(event))).isEqualTo(Outcome.ACK);

    assertThat(sent).hasSize(1);
    assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
  }

  @Test
  void mongoDownGoesToTheBackOfTheQueue() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (MongoClient down = MongoClients.create(MongoClientSettings.builder()
        .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", closedPort)))
            .serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
        .build())) {
      HandledEvents unavailable = new HandledEvents(down.getDatabase("x").getCollection("handledEvents"),
          new Deliveries(down.getDatabase("x").getCollection("deliveries")), clock, Duration.ofDays(30), Duration.ofMinutes(5));

      Outcome outcome = handler(unavailable, clock::add).handle(codec.encode(Events.succeeded("bob@example.com", "a.mp4")));

      assertThat(outcome).isEqualTo(Outcome.RETRY_LATER);
      // sat out in-process first (0.5 + 1 + 2 s of the 5 s allowed), then to the back of the queue
      assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T10:00:03.500Z"));
      assertThat(sent).isEmpty();
      assertThat(count("notifier.messages.requeued")).isEqualTo(1);
    }
  }
}
