package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMTP down for good: after the (few) attempts the message is dead-lettered to mp3.dead. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotifierDeadLetterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** Nothing listens here. */
  private static final int DEAD_SMTP_PORT = ItSupport.freePort();
  private static final ItSupport.Mongo MONGO = new ItSupport.Mongo("notifier-dead-it");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("notifier.rabbitmq-uri", ItSupport::rabbitUri);
    registry.add("notifier.mongodb-uri", MONGO::uri);
    registry.add("notifier.smtp.host", () -> "127.0.0.1");
    registry.add("notifier.smtp.port", () -> DEAD_SMTP_PORT);
    registry.add("notifier.smtp.timeout", () -> "2s");
    registry.add("notifier.smtp.retry.attempts", () -> "3");
    registry.add("notifier.smtp.retry.initial-backoff", () -> "50ms");
    registry.add("notifier.smtp.retry.max-backoff", () -> "100ms");
  }

  @AfterAll
  static void stopInfrastructure() {
    MONGO.close();
  }

  @LocalServerPort
  int managementPort;
  @Autowired
  MeterRegistry meterRegistry;

  @Test
  void smtpDownForGoodEndsInTheDeadLetterQueue() throws Exception {
    try (Connection rabbit = ItSupport.rabbit()) {
      ItSupport.declareAndPurge(rabbit);
      ConversionFinished event = Events.succeeded(ItSupport.uniqueRecipient(), "never.mp4");
      try (ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, new EventCodec(), Duration.ofSeconds(10))) {
        publisher.publish(event);
      }

      await().atMost(TIMEOUT).until(() -> ItSupport.takeDeadLetter(rabbit, event.messageId()));
      assertThat(meterRegistry.get("notifier.emails.failed").counter().count()).isEqualTo(1);
      assertThat(meterRegistry.get("notifier.smtp.retries").counter().count()).isEqualTo(2);
      assertThat(meterRegistry.get("notifier.messages.dead.lettered").tags("reason", "smtp").counter().count())
          .isEqualTo(1);
    }
  }

  @Test
  void readinessIsDownWhileSmtpIsUnreachable() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"smtp\":{\"status\":\"DOWN\"");
  }
}
