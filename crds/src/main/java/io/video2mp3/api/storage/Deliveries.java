package io.video2mp3.api.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.video2mp3.api.conversion.Notification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * How each conversion's mail ended ({@code deliveries}, {@code _id} = the conversion's uid): written by
 * the notifier right after the SMTP server's answer, read by the operator, which mirrors it into
 * {@code status.notification}. A Sent record is final: a later failing duplicate never overwrites it.
 * Records expire ({@code expireAt}, TTL index) once the operator has long mirrored them.
 */
public final class Deliveries {

  static final String STATE = "state";
  static final String AT = "at";
  static final String MESSAGE = "message";
  static final String EXPIRE_AT = "expireAt";

  private final MongoCollection<Document> collection;

  public Deliveries(MongoCollection<Document> collection) {
    this.collection = collection;
  }

  /** Idempotent; the notifier creates it. */
  public void ensureIndexes() {
    collection.createIndex(Indexes.ascending(EXPIRE_AT),
        new IndexOptions().name("expireAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
  }

  public void sent(String uid, Instant at, Instant expireAt) {
    collection.updateOne(eq("_id", uid), fields(Notification.State.Sent, at, "", expireAt),
        new UpdateOptions().upsert(true));
  }

  public void failed(String uid, Instant at, String message, Instant expireAt) {
    try {
      collection.updateOne(and(eq("_id", uid), ne(STATE, Notification.State.Sent.name())),
          fields(Notification.State.Failed, at, message, expireAt), new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      // The upsert met the Sent record: the mail went out before, which stays the answer.
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  public Optional<Notification> find(String uid) {
    Document doc = collection.find(eq("_id", uid)).first();
    if (doc == null || doc.getString(STATE) == null || doc.getDate(AT) == null) {
      return Optional.empty();
    }
    Notification.State state;
    try {
      state = Notification.State.valueOf(doc.getString(STATE));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String message = doc.getString(MESSAGE);
    return Optional.of(new Notification(state, doc.getDate(AT).toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
        message == null || message.isEmpty() ? null : message));
  }

  private static org.bson.conversions.Bson fields(Notification.State state, Instant at, String message,
      Instant expireAt) {
    return combine(set(STATE, state.name()), set(AT, Date.from(at)), set(MESSAGE, message),
        set(EXPIRE_AT, Date.from(expireAt)));
  }
}
