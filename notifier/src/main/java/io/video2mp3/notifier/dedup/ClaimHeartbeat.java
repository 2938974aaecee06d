package io.video2mp3.notifier.dedup;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a claim's short lease alive while its mail is being sent: renews it every third of the lease,
 * so that a live sender is never taken over however long the SMTP transaction takes, and a dead one
 * within one lease.
 */
public class ClaimHeartbeat {

  private static final Logger log = LoggerFactory.getLogger(ClaimHeartbeat.class);

  private final HandledEvents handledEvents;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;

  public ClaimHeartbeat(HandledEvents handledEvents, ScheduledExecutorService scheduler, Duration lease) {
    this.handledEvents = handledEvents;
    this.scheduler = scheduler;
    this.interval = lease.dividedBy(3);
  }

  /** Renews the claim until the returned beat is closed. */
  public Beat start(String eventId, String token) {
    ScheduledFuture<?> renewal = scheduler.scheduleWithFixedDelay(() -> renew(eventId, token),
        interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return () -> renewal.cancel(false);
  }

  private void renew(String eventId, String token) {
    try {
      if (!handledEvents.renew(eventId, token)) {
        log.warn("the claim on {} was taken over while its mail is being sent; a second mail may go out", eventId);
      }
    } catch (RuntimeException e) {
      // MongoDB away: the claim goes stale after its lease unless a later beat gets through
      log.warn("cannot renew the claim on {}: {}", eventId, e.getMessage());
    }
  }

  /** A running heartbeat; closing it stops the renewals. */
  @FunctionalInterface
  public interface Beat extends AutoCloseable {
    @Override
    void close();
  }
}
