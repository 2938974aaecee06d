package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.testsupport.mongo.TestMongo;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail the SMTP server refuses for good (550, unknown recipient) ends in mp3.dead at once, with a log
 * line that says why; unlike a server that is down, which never dead-letters (NotifierOutageIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class NotifierDeadLetterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final RejectingSmtpServer SMTP = new RejectingSmtpServer();
  private static final TestMongo MONGO = new TestMongo("notifier-dead-it");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ItSupport.connectTo(registry, MONGO::uri, SMTP::port);
    ItSupport.smtpRetry(registry, "2s", 3, "50ms", "100ms");
  }

  @AfterAll
  static void stopInfrastructure() throws Exception {
    SMTP.close();
    MONGO.close();
  }

  @Autowired
  MeterRegistry meterRegistry;

  @Test
  void aRecipientTheServerRefusesForGoodEndsInTheDeadLetterQueue(CapturedOutput output) throws Exception {
    try (Connection rabbit = ItSupport.rabbit()) {
      ItSupport.declareAndPurge(rabbit);
      String recipient = ItSupport.uniqueRecipient();
      ConversionFinished event = Events.succeeded(recipient, "never.mp4");
      try (ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, new EventCodec(), Duration.ofSeconds(10))) {
        publisher.publish(event);
      }

      await().atMost(TIMEOUT).until(() -> ItSupport.takeDeadLetter(rabbit, event.messageId()));
      assertThat(meterRegistry.get("notifier.emails.failed").counter().count()).isEqualTo(1);
      assertThat(meterRegistry.get("notifier.smtp.retries").counter().count()).isZero();
      assertThat(meterRegistry.get("notifier.messages.requeued").counter().count()).isZero();
      assertThat(meterRegistry.get("notifier.messages.dead.lettered").tags("reason", "smtp").counter().count())
          .isEqualTo(1);
      assertThat(output.getOut()).containsPattern("dead-lettering " + event.messageId()
          + " to mp3.dead: the SMTP server refused the mail to " + recipient + " for good: .*550 5\\.1\\.1");
    }
  }
}
