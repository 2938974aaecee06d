package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.testsupport.mongo.TestMongo;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notifier end to end: the real RabbitMQ, GreenMail as the SMTP server, MongoDB in the JVM.
 * Quick SMTP attempts: in the "SMTP down, then up" test the mail goes round the queue until GreenMail is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Boot disables the Prometheus export in tests otherwise
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the next class runs its own consumer
class NotifierIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int SMTP_PORT = ItSupport.freePort();
  private static final TestMongo MONGO = new TestMongo("notifier-it");
  private static volatile GreenMail greenMail;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    greenMail = ItSupport.greenMail(SMTP_PORT);
    greenMail.start();
    ItSupport.connectTo(registry, MONGO::uri, () -> SMTP_PORT);
    ItSupport.smtpRetry(registry, "5s", 5, "100ms", "300ms");
    registry.add("notifier.public-base-url", () -> "https://mp3.example.test/");
    registry.add("notifier.retention-days", () -> "3");
    registry.add("notifier.smtp.from", () -> "video2mp3 <noreply@example.test>");
    registry.add("notifier.smtp.health-cache-ttl", () -> "100ms");
    registry.add("notifier.consumer.requeue-delay", () -> "200ms");
    registry.add("notifier.dedup.poll-interval", () -> "100ms");
  }

  @AfterAll
  static void stopInfrastructure() {
    greenMail.stop();
    MONGO.close();
  }

  @LocalServerPort
  int managementPort;
  @Autowired
  MeterRegistry meterRegistry;

  private final EventCodec codec = new EventCodec();
  private Connection rabbit;
  private ConfirmedPublisher publisher;

  @BeforeEach
  void setUp() throws Exception {
    rabbit = ItSupport.rabbit();
    ItSupport.declareAndPurge(rabbit);
    publisher = new ConfirmedPublisher(rabbit, codec, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() throws Exception {
    publisher.close();
    rabbit.close();
  }

  private double counter(String name, String... tags) {
    return meterRegistry.get(name).tags(tags).counter().count();
  }

  private List<MimeMessage> awaitMails(String recipient, int count) {
    return await().atMost(TIMEOUT).until(() -> ItSupport.mailsTo(greenMail, recipient), mails -> mails.size() >= count);
  }

  @Test
  void oneEmailPerFinishedConversionWithLinkAndFileId() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    ConversionFinished event = Events.succeeded(recipient, "videos/Conference Talk.mp4");
    String fid = event.output().fileId();

    publisher.publish(event);

    MimeMessage mail = awaitMails(recipient, 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Your MP3 is ready: Conference Talk.mp3");
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(recipient);
    assertThat(mail.getFrom()[0].toString()).isEqualTo("video2mp3 <noreply@example.test>");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    String linkStart = "https://mp3.example.test/download/signed?fid=" + fid + "&amp;owner=alice&amp;exp=";
    assertThat(text.replace("\r\n", "\n"))
        .containsPattern("Download: https://mp3\\.example\\.test/download/signed\\?fid=" + fid
            + "&owner=alice&exp=[0-9]+&sig=[A-Za-z0-9_-]{43}\n")
        .containsPattern("(?m)^mp3 file_id: " + fid + "$")
        .contains("Size: 9.4 MiB").contains("Duration: 10:15").contains("kept for 3 days");
    assertThat(html).contains("href=\"" + linkStart).contains("mp3 file_id: " + fid);
  }

  @Test
  void theSameMessageTwiceSendsOneEmail() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    ConversionFinished event = Events.succeeded(recipient, "twice.mp4");
    double duplicatesBefore = counter("notifier.messages.duplicates");

    publisher.publish(event);
    publisher.publish(event);

    await().atMost(TIMEOUT).until(() -> counter("notifier.messages.duplicates") >= duplicatesBefore + 1);
    assertThat(ItSupport.mailsTo(greenMail, recipient)).hasSize(1);
  }

  @Test
  void aFailedConversionSendsTheFailureEmail() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    publisher.publish(Events.failed(recipient, "broken.mkv", "no audio stream in <input>"));

    MimeMessage mail = awaitMails(recipient, 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Conversion failed: broken");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat((String) parts.getBodyPart(0).getContent()).contains("Reason: no audio stream in <input>");
    assertThat((String) parts.getBodyPart(1).getContent()).contains("Reason: no audio stream in &lt;input&gt;");
  }

  @Test
  void smtpDownThenUpDeliversAfterARetry() throws Exception {
    String recipient = ItSupport.uniqueRecipient();
    double retriesBefore = counter("notifier.smtp.retries");
    greenMail.stop();
    try {
      publisher.publish(Events.succeeded(recipient, "later.mp4"));
      await().atMost(TIMEOUT).until(() -> counter("notifier.smtp.retries") > retriesBefore);
    } finally {
      greenMail = ItSupport.greenMail(SMTP_PORT);
      greenMail.start();
    }

    assertThat(awaitMails(recipient, 1)).hasSize(1);
  }

  @Test
  void badJsonAndUnknownTypesAreDeadLettered() throws Exception {
    String badJson = "bad-json-" + UUID.randomUUID();
    String unknownType = "unknown-type-" + UUID.randomUUID();
    double before = counter("notifier.messages.dead.lettered", "reason", "invalid");

    ItSupport.publishRaw(rabbit, badJson, "{\"type\": \"ConversionFinished\", oops".getBytes(StandardCharsets.UTF_8));
    ItSupport.publishRaw(rabbit, unknownType, "{\"type\":\"SomethingElse\",\"version\":1}".getBytes(StandardCharsets.UTF_8));

    await().atMost(TIMEOUT).until(() -> ItSupport.takeDeadLetter(rabbit, badJson));
    await().atMost(TIMEOUT).until(() -> ItSupport.takeDeadLetter(rabbit, unknownType));
    assertThat(counter("notifier.messages.dead.lettered", "reason", "invalid")).isGreaterThanOrEqualTo(before + 2);
  }

  @Test
  void readinessAndPrometheusOnTheManagementPort() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"amqp\":{\"status\":\"UP\"").contains("\"smtp\":{\"status\":\"UP\"");
    });

    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("notifier_emails_sent_total", "notifier_emails_failed_total",
        "notifier_messages_duplicates_total", "notifier_messages_dead_lettered_total");
  }
}
