package io.video2mp3.notifier.dedup;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.video2mp3.api.storage.Deliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of handled event ids in MongoDB ({@code handledEvents}, {@code _id} = message id, so
 * the unique index on {@code _id} arbitrates between concurrent deliveries).
 *
 * <p>Claim/commit: a delivery first inserts {@code {status: "sending", claimToken, claimedAt}}, sends
 * while a {@link ClaimHeartbeat} renews {@code claimedAt} (a short lease, seconds, stays held for as
 * long as the holder is alive), then sets {@code status: "sent"} and records the delivery for the
 * conversion's status ({@link Deliveries}). A redelivery finding "sent" sends nothing. Crash windows:
 * <ul>
 *   <li>crash after the claim, before SMTP accepted the mail: the heartbeat stops, the claim goes stale
 *       after the lease and the redelivery (at once: the broker returns the unacked message when the
 *       connection drops) takes it over and sends — the mail is seconds late, not lost;</li>
 *   <li>crash after SMTP's 250 reply, before "sent" was written: the takeover sends a second mail. This
 *       window is the round trip of one MongoDB write; closing it would need the SMTP server to
 *       deduplicate, and losing the only mail is worse than a rare duplicate;</li>
 *   <li>MongoDB unreachable for longer than the lease while a mail is being sent: the heartbeat cannot
 *       renew, and a redelivery elsewhere may take over and send too.</li>
 * </ul>
 * Each document expires ({@code expireAt}, TTL index) once duplicates can no longer arrive.
 */
public class HandledEvents {

  private static final Logger log = LoggerFactory.getLogger(HandledEvents.class);

  static final String STATUS = "status";
  static final String SENDING = "sending";
  static final String SENT = "sent";
  static final String CLAIM_TOKEN = "claimToken";
  static final String CLAIMED_AT = "claimedAt";
  static final String SENT_AT = "sentAt";
  static final String EXPIRE_AT = "expireAt";
  /** A claim can change hands between our reads; a few rounds settle it, the caller then waits. */
  private static final int CLAIM_ROUNDS = 3;

  private final MongoCollection<Document> collection;
  private final Deliveries deliveries;
  private final Clock clock;
  private final Duration retention;
  private final Duration lease;

  public HandledEvents(MongoCollection<Document> collection, Deliveries deliveries, Clock clock, Duration retention,
      Duration lease) {
    this.collection = collection;
    this.deliveries = deliveries;
    this.clock = clock;
    this.retention = retention;
    this.lease = lease;
  }

  /** Idempotent; the TTL index lets MongoDB delete records once {@code expireAt} has passed. */
  public void ensureIndexes() {
    collection.createIndex(Indexes.ascending(EXPIRE_AT),
        new IndexOptions().name("expireAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
    deliveries.ensureIndexes();
  }

  public ClaimResult claim(String eventId) {
    for (int round = 0; round < CLAIM_ROUNDS; round++) {
      Instant now = clock.instant();
      String token = UUID.randomUUID().toString();
      try {
        collection.insertOne(new Document("_id", eventId)
            .append(STATUS, SENDING)
            .append(CLAIM_TOKEN, token)
            .append(CLAIMED_AT, Date.from(now))
            .append(EXPIRE_AT, Date.from(now.plus(retention))));
        return new ClaimResult.Claimed(token, false);
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      Document existing = collection.find(eq("_id", eventId)).first();
      if (existing == null) {
        continue; // released between our insert and read: try again
      }
      if (SENT.equals(existing.getString(STATUS))) {
        return new ClaimResult.AlreadySent();
      }
      Date claimedAt = existing.getDate(CLAIMED_AT);
      Instant staleAt = claimedAt == null ? now : claimedAt.toInstant().plus(lease);
      if (staleAt.isAfter(now)) {
        return new ClaimResult.HeldByOther(staleAt);
      }
      // The holder died (or hung past the lease) before recording the outcome: take the claim over,
      // but only if nobody else did since we read it.
      Document taken = collection.findOneAndUpdate(
          and(eq("_id", eventId), eq(STATUS, SENDING), eq(CLAIM_TOKEN, existing.getString(CLAIM_TOKEN))),
          combine(set(CLAIM_TOKEN, token), set(CLAIMED_AT, Date.from(now)),
              set(EXPIRE_AT, Date.from(now.plus(retention)))));
      if (taken != null) {
        log.warn("took over the stale claim on {} (claimed at {}): sending it again", eventId, claimedAt);
        return new ClaimResult.Claimed(token, true);
      }
    }
    return new ClaimResult.HeldByOther(clock.instant());
  }

  /**
   * Records the mail as sent, then the delivery of conversion {@code uid}; false when the claim was lost
   * (taken over after the lease).
   */
  public boolean markSent(String eventId, String token, String uid) {
    Instant now = clock.instant();
    long matched = collection.updateOne(and(eq("_id", eventId), eq(CLAIM_TOKEN, token)),
        combine(set(STATUS, SENT), set(SENT_AT, Date.from(now)), set(EXPIRE_AT, Date.from(now.plus(retention)))))
        .getMatchedCount();
    deliveries.sent(uid, now, now.plus(retention));
    return matched > 0;
  }

  /** Records that the SMTP server refused the mail of conversion {@code uid} for good. */
  public void markRefused(String uid, String reason) {
    Instant now = clock.instant();
    deliveries.failed(uid, now, reason, now.plus(retention));
  }

  /** Extends the lease of a claim still ours; false when it is not ours any more. */
  public boolean renew(String eventId, String token) {
    Instant now = clock.instant();
    return collection.updateOne(and(eq("_id", eventId), eq(CLAIM_TOKEN, token), eq(STATUS, SENDING)),
        set(CLAIMED_AT, Date.from(now))).getMatchedCount() > 0;
  }

  /** Gives the claim up after a failed send, so that the copy at the back of the queue (or a replay) can send. */
  public void release(String eventId, String token) {
    collection.deleteOne(and(eq("_id", eventId), eq(CLAIM_TOKEN, token), eq(STATUS, SENDING)));
  }
}
