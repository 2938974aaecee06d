package io.video2mp3.operator.converter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.video2mp3.api.storage.StorageLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records progress for the operator to mirror into {@code status.progress}: at most one write per
 * second (ffmpeg reports several times a second), only when the percentage changed, and always the
 * final 100. Progress is best effort: a failed write is logged, never fails the conversion.
 */
public final class ProgressRecorder {

  /** Where progress goes; the MongoDB one upserts {@code {_id: uid, namespace, percent, updatedAt}}. */
  @FunctionalInterface
  public interface Store {
    void save(String uid, int percent, Instant at);

    static Store mongo(MongoCollection<Document> progress, String namespace) {
      return (uid, percent, at) -> progress.updateOne(Filters.eq("_id", uid),
          Updates.combine(
              Updates.set(StorageLayout.PROGRESS_NAMESPACE, namespace),
              Updates.set(StorageLayout.PROGRESS_PERCENT, percent),
              Updates.set(StorageLayout.PROGRESS_UPDATED_AT, Date.from(at))),
          new UpdateOptions().upsert(true));
    }
  }

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);

  private final String uid;
  private final Store store;
  private final Clock clock;
  private Instant lastWrite;
  private int lastPercent = -1;

  public ProgressRecorder(String uid, Store store, Clock clock) {
    this.uid = uid;
    this.store = store;
    this.clock = clock;
  }

  /** Called from ffmpeg's progress thread. */
  public synchronized void report(int percent) {
    Instant now = clock.instant();
    if (percent == lastPercent || (lastWrite != null && now.isBefore(lastWrite.plus(MIN_INTERVAL)))) {
      return;
    }
    write(percent, now);
  }

  public synchronized void complete() {
    write(100, clock.instant());
  }

  private void write(int percent, Instant now) {
    lastWrite = now;
    lastPercent = percent;
    try {
      store.save(uid, percent, now);
    } catch (RuntimeException e) {
      LOG.warn("cannot record progress {}%: {}", percent, e.getMessage());
    }
  }
}
