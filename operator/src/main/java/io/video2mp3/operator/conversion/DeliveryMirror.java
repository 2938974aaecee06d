package io.video2mp3.operator.conversion;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the notifier's delivery record ({@code deliveries}) into {@code status.notification} of a
 * notified conversion: the operator stays the only writer of the status. Nothing wakes a conversion
 * when its mail goes out, so until the record says Sent the conversion is looked at again: within
 * seconds of its completion, then less often (a notifier down for hours costs one read per conversion
 * every few minutes), and after a day only when the conversion is looked at anyway (its retention).
 */
final class DeliveryMirror {

  static final Duration FIRST_RECHECK = Duration.ofSeconds(2);
  static final Duration MAX_RECHECK = Duration.ofMinutes(5);
  /** Past this, finished conversions without a record (from before deliveries were recorded) cost nothing. */
  static final Duration WATCH_FOR = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryMirror.class);

  private final ConversionStore store;

  DeliveryMirror(ConversionStore store) {
    this.store = store;
  }

  /** The status with the recorded delivery, or {@code status} itself when there is nothing new to show. */
  VideoConversionStatus mirror(VideoConversion conversion, VideoConversionStatus status) {
    if (!Boolean.TRUE.equals(status.getNotified()) || settled(status)) {
      return status;
    }
    Optional<Notification> recorded;
    try {
      recorded = store.delivery(conversion.getMetadata().getUid());
    } catch (RuntimeException e) {
      LOG.debug("delivery of {} unknown for now: {}", conversion.getMetadata().getName(), e.getMessage());
      return status;
    }
    if (recorded.isEmpty() || recorded.get().equals(status.getNotification())) {
      return status;
    }
    VideoConversionStatus next = StatusLogic.copy(status);
    next.setNotification(recorded.get());
    return next;
  }

  /** {@code control}, rescheduled sooner while the mail is not known to be sent. */
  UpdateControl<VideoConversion> recheck(VideoConversionStatus status, Instant now, UpdateControl<VideoConversion> control) {
    if (settled(status)) {
      return control;
    }
    Duration sinceCompletion = Retention.parseTimestamp(status.getCompletedAt())
        .map(completed -> Duration.between(completed, now)).orElse(Duration.ZERO);
    if (sinceCompletion.compareTo(WATCH_FOR) > 0) {
      return control;
    }
    Duration delay = sinceCompletion.dividedBy(10);
    delay = delay.compareTo(FIRST_RECHECK) < 0 ? FIRST_RECHECK : delay.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : delay;
    Optional<Long> scheduled = control.getScheduleDelay();
    return scheduled.isPresent() && scheduled.get() <= delay.toMillis() ? control : control.rescheduleAfter(delay);
  }

  /** Sent is final; a Failed mail may still go out (a dead-lettered message replayed after a fix). */
  private static boolean settled(VideoConversionStatus status) {
    return status.getNotification() != null && status.getNotification().state() == Notification.State.Sent;
  }
}
