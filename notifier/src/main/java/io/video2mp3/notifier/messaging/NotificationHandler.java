package io.video2mp3.notifier.messaging;

import com.mongodb.MongoException;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.InvalidMessageException;
import io.video2mp3.notifier.config.Sleeper;
import io.video2mp3.notifier.dedup.ClaimHeartbeat;
import io.video2mp3.notifier.dedup.ClaimResult;
import io.video2mp3.notifier.dedup.HandledEvents;
import io.video2mp3.notifier.mail.DeliveryResult;
import io.video2mp3.notifier.mail.Email;
import io.video2mp3.notifier.mail.MailComposer;
import io.video2mp3.notifier.mail.MailDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one {@code ConversionFinished} delivery: decode, claim the event id, send with retries,
 * record it as sent. Never throws: every path ends in an {@link Outcome} so one bad message cannot
 * stop the consumer. Only what can never succeed is dead-lettered (an invalid message, a mail the SMTP
 * server refuses for good); a dependency that is down makes the delivery {@link Outcome#RETRY_LATER}.
 */
public class NotificationHandler {

  private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

  private final EventCodec codec;
  private final MailComposer composer;
  private final MailDelivery delivery;
  private final HandledEvents handledEvents;
  private final ClaimHeartbeat heartbeat;
  private final NotifierMetrics metrics;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration maxClaimWait;
  private final Duration mongoOutageWait;

  /**
   * @param mongoOutageWait how long one delivery waits in-process for MongoDB before it goes to the back
   *     of the queue ({@link Outcome#RETRY_LATER}): short outages are sat out here (the bounded prefetch
   *     and worker pool then pause consumption), longer ones cost a round trip through the queue each.
   */
  public NotificationHandler(EventCodec codec, MailComposer composer, MailDelivery delivery,
      HandledEvents handledEvents, ClaimHeartbeat heartbeat, NotifierMetrics metrics, Sleeper sleeper, Clock clock,
      Duration pollInterval, Duration claimLease, Duration mongoOutageWait) {
    this.codec = codec;
    this.composer = composer;
    this.delivery = delivery;
    this.handledEvents = handledEvents;
    this.heartbeat = heartbeat;
    this.metrics = metrics;
    this.sleeper = sleeper;
    this.clock = clock;
    this.pollInterval = pollInterval;
    // A dead holder's claim goes stale after the lease and is then taken over; a live one is renewed for as
    // long as its send takes, so after this wait the delivery goes to the back of the queue.
    this.maxClaimWait = claimLease.plus(pollInterval.multipliedBy(3));
    this.mongoOutageWait = mongoOutageWait;
  }

  public Outcome handle(byte[] body) {
    try {
      return process(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.info("interrupted (shutting down): the message goes back to the queue");
      return Outcome.REQUEUE;
    } catch (RuntimeException e) {
      // A bug, not a property of the message we could have predicted: park it in mp3.dead for a human.
      log.error("unexpected failure handling a message; dead-lettering it", e);
      metrics.deadLetteredError();
      return Outcome.DEAD_LETTER;
    }
  }

  private Outcome process(byte[] body) throws InterruptedException {
    ConversionFinished event;
    Email email;
    try {
      event = codec.decode(body, ConversionFinished.class);
      email = composer.compose(event);
    } catch (InvalidMessageException e) {
      log.warn("dead-lettering an invalid message: {}", e.getMessage());
      metrics.deadLetteredInvalid();
      return Outcome.DEAD_LETTER;
    }
    String eventId = event.messageId();

    String token;
    try {
      token = claimSittingOutMongoOutages(eventId);
    } catch (MongoException e) {
      log.warn("MongoDB is still unavailable, sending {} to the back of the queue: {}", eventId, e.getMessage());
      metrics.requeued();
      return Outcome.RETRY_LATER;
    } catch (ClaimStillHeld e) {
      log.info("{}; sending it to the back of the queue", e.getMessage());
      metrics.requeued();
      return Outcome.RETRY_LATER;
    }
    if (token == null) {
      log.info("dropping duplicate {}: its mail was already sent", eventId);
      metrics.duplicate();
      return Outcome.ACK;
    }

    DeliveryResult result;
    try (ClaimHeartbeat.Beat beat = heartbeat.start(eventId, token)) {
      result = delivery.deliver(email);
    } catch (InterruptedException e) {
      releaseQuietly(eventId, token);
      throw e;
    }
    if (result.sent()) {
      metrics.sent(event.phase() == Phase.Succeeded);
      log.info("sent the {} mail for {} to {} (attempt {})", event.phase(), eventId, email.to(), result.attempts());
      recordSent(eventId, token, event.uid());
      return Outcome.ACK;
    }
    releaseQuietly(eventId, token);
    if (result.permanent()) {
      recordRefusedQuietly(event.uid(), result.failure());
      metrics.failed();
      metrics.deadLetteredSmtp();
      log.warn("dead-lettering {} to mp3.dead: the SMTP server refused the mail to {} for good: {}", eventId,
          email.to(), result.failure());
      return Outcome.DEAD_LETTER;
    }
    metrics.requeued();
    log.warn("SMTP still unavailable for {} after {} attempt(s), sending it to the back of the queue: {}", eventId,
        result.attempts(), result.failure());
    return Outcome.RETRY_LATER;
  }

  private String claimSittingOutMongoOutages(String eventId) throws InterruptedException {
    Instant giveUpAt = clock.instant().plus(mongoOutageWait);
    Duration backoff = Duration.ofMillis(500);
    while (true) {
      try {
        return claim(eventId);
      } catch (MongoException e) {
        Instant now = clock.instant();
        if (!now.plus(backoff).isBefore(giveUpAt)) {
          throw e;
        }
        log.warn("MongoDB is unavailable while claiming {}, retrying in {}: {}", eventId, backoff, e.getMessage());
        sleeper.sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
            ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
      }
    }
  }

  /** The claim token, or null when the mail was already sent. Waits while another delivery holds it. */
  private String claim(String eventId) throws InterruptedException {
    Instant giveUpAt = clock.instant().plus(maxClaimWait);
    while (true) {
      ClaimResult claim = handledEvents.claim(eventId);
      if (claim instanceof ClaimResult.Claimed claimed) {
        return claimed.token();
      }
      if (claim instanceof ClaimResult.AlreadySent) {
        return null;
      }
      Instant now = clock.instant();
      if (!now.isBefore(giveUpAt)) {
        throw new ClaimStillHeld("the claim on " + eventId + " is still held after " + maxClaimWait);
      }
      // Waiting here, not requeueing: every requeue counts against the quorum queue's delivery limit.
      Duration untilStale = Duration.between(now, ((ClaimResult.HeldByOther) claim).staleAt());
      sleeper.sleep(untilStale.isNegative() || untilStale.compareTo(pollInterval) > 0 ? pollInterval : untilStale);
    }
  }

  /**
   * The mail is out: failing to record it must not make us send it again soon, so this is retried
   * briefly and then only logged (the stale claim would cause a resend only for a later duplicate).
   */
  private void recordSent(String eventId, String token, String uid) throws InterruptedException {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        if (!handledEvents.markSent(eventId, token, uid)) {
          log.warn("the claim on {} was taken over while sending; a second mail may have gone out", eventId);
        }
        return;
      } catch (MongoException e) {
        log.warn("cannot record {} as sent (attempt {}/3): {}", eventId, attempt, e.getMessage());
        if (attempt < 3) {
          sleeper.sleep(pollInterval);
        }
      }
    }
  }

  private void recordRefusedQuietly(String uid, String reason) {
    try {
      handledEvents.markRefused(uid, reason);
    } catch (MongoException e) {
      // The dead letter keeps the event; only the status will not show the refusal.
      log.warn("cannot record the refused mail of {}: {}", uid, e.getMessage());
    }
  }

  /** Another live delivery holds the claim for longer than this one waits. */
  private static final class ClaimStillHeld extends RuntimeException {
    ClaimStillHeld(String message) {
      super(message);
    }
  }

  private void releaseQuietly(String eventId, String token) {
    try {
      handledEvents.release(eventId, token);
    } catch (MongoException e) {
      // The claim then goes stale after the lease; a replay only waits that long.
      log.warn("cannot release the claim on {}: {}", eventId, e.getMessage());
    }
  }
}
