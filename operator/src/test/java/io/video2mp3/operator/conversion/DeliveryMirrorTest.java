package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryMirrorTest {

  private static final Instant COMPLETED = Instant.parse("2026-12-01T10:00:00Z");
  private final DeliveryMirror mirror = new DeliveryMirror(null);

  @Test
  void looksAgainSoonAfterCompletionThenLessOftenThenNotAtAll() {
    assertThat(delay(status(null), COMPLETED.plusSeconds(1))).isEqualTo(DeliveryMirror.FIRST_RECHECK.toMillis());
    assertThat(delay(status(null), COMPLETED.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(1).toMillis());
    assertThat(delay(status(null), COMPLETED.plus(Duration.ofHours(5)))).isEqualTo(DeliveryMirror.MAX_RECHECK.toMillis());
    assertThat(delay(status(null), COMPLETED.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(1).toMillis());
  }

  @Test
  void aSentMailNeedsNoMoreLooksAndAFailedOneDoes() {
    Notification sent = new Notification(Notification.State.Sent, "2026-12-01T10:00:05Z", null);
    Notification failed = new Notification(Notification.State.Failed, "2026-12-01T10:00:05Z", "550");
    assertThat(delay(status(sent), COMPLETED.plusSeconds(1))).isEqualTo(Duration.ofHours(1).toMillis());
    assertThat(delay(status(failed), COMPLETED.plusSeconds(1))).isEqualTo(DeliveryMirror.FIRST_RECHECK.toMillis());
  }

  @Test
  void anEarlierRecheckIsKept() {
    UpdateControl<VideoConversion> soon = UpdateControl.<VideoConversion>noUpdate().rescheduleAfter(Duration.ofMillis(500));
    assertThat(mirror.recheck(status(null), COMPLETED.plusSeconds(1), soon).getScheduleDelay()).contains(500L);
  }

  private long delay(VideoConversionStatus status, Instant now) {
    UpdateControl<VideoConversion> retention = UpdateControl.<VideoConversion>noUpdate().rescheduleAfter(Duration.ofHours(1));
    return mirror.recheck(status, now, retention).getScheduleDelay().orElseThrow();
  }

  private static VideoConversionStatus status(Notification notification) {
    VideoConversionStatus status = new VideoConversionStatus();
    status.setPhase(Phase.Succeeded);
    status.setCompletedAt(StatusLogic.rfc3339(COMPLETED));
    status.setNotified(true);
    status.setNotification(notification);
    return status;
  }
}
