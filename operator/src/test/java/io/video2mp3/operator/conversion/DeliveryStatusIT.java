package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.storage.Deliveries;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier's delivery record shows on the conversion's status within seconds: the operator, the
 * only writer of the status, mirrors it into {@code status.notification}, and keeps {@code notified} for
 * the broker's confirm.
 */
class DeliveryStatusIT {

  private OperatorHarness harness;
  private Deliveries deliveries;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, false);
    harness.startOperator();
    deliveries = new Deliveries(harness.mongo.getCollection(StorageLayout.DELIVERIES_COLLECTION));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void theMailsDeliveryIsMirroredOntoTheStatus() {
    VideoConversion sent = finishedAndNotified("vc-mail-sent");
    VideoConversion refused = finishedAndNotified("vc-mail-refused");
    assertThat(sent.getStatus().getNotification()).isNull();

    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    deliveries.sent(sent.getMetadata().getUid(), at, Instant.now().plusSeconds(3600));
    deliveries.failed(refused.getMetadata().getUid(), at, "550 5.1.1 no such user", Instant.now().plusSeconds(3600));

    await().atMost(Duration.ofSeconds(15)).until(() -> harness.get("vc-mail-sent").getStatus().getNotification() != null
        && harness.get("vc-mail-refused").getStatus().getNotification() != null);
    assertThat(harness.get("vc-mail-sent").getStatus().getNotification())
        .isEqualTo(new Notification(Notification.State.Sent, "2026-12-01T10:00:00Z", null));
    assertThat(harness.get("vc-mail-refused").getStatus().getNotification())
        .isEqualTo(new Notification(Notification.State.Failed, "2026-12-01T10:00:00Z", "550 5.1.1 no such user"));
    assertThat(harness.get("vc-mail-sent").getStatus().getNotified()).isTrue();
  }

  private VideoConversion finishedAndNotified(String name) {
    harness.create(name, Source.url("https://example.com/" + name + ".mp4", null));
    harness.awaitJob(name);
    harness.jobSucceeded(name, "{\"status\":\"Succeeded\",\"sizeBytes\":2,\"durationSeconds\":1.0,\"bitrate\":\"192k\"}");
    harness.awaitPhase(name, Phase.Succeeded);
    await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(harness.get(name).getStatus().getNotified()));
    return harness.get(name);
  }
}
