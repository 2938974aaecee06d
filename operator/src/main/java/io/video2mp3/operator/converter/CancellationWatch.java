package io.video2mp3.operator.converter;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.video2mp3.api.storage.StorageLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;

/**
 * Whether the conversion was deleted while this converter runs: the operator's finalizer sets
 * {@code cancelledAt} on the progress record before it deletes the files, so a converter that sees it
 * stops writing and removes its partial MP3 instead of leaving chunks behind the cleanup.
 */
final class CancellationWatch {

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final MongoCollection<Document> progress;
  private final String uid;
  private final Clock clock;
  private final Duration interval;
  private Instant nextCheck = Instant.MIN;
  private volatile boolean cancelled;

  CancellationWatch(MongoCollection<Document> progress, String uid, Clock clock, Duration interval) {
    this.progress = progress;
    this.uid = uid;
    this.clock = clock;
    this.interval = interval;
  }

  /** Asks MongoDB at most once per interval (it is called for every block ffmpeg writes). */
  synchronized boolean cancelled() {
    Instant now = clock.instant();
    if (!cancelled && !now.isBefore(nextCheck)) {
      nextCheck = now.plus(interval);
      check();
    }
    return cancelled;
  }

  /**
   * Asks MongoDB now. A read that fails counts as "not cancelled": the write it guards fails on its own
   * when MongoDB is away, and a cancelled conversion's leftovers are swept anyway.
   */
  synchronized boolean cancelledNow() {
    if (!cancelled) {
      check();
    }
    return cancelled;
  }

  private void check() {
    try {
      Document doc = progress.find(Filters.eq("_id", uid))
          .projection(Projections.include(StorageLayout.PROGRESS_CANCELLED_AT)).first();
      cancelled = doc != null && doc.get(StorageLayout.PROGRESS_CANCELLED_AT) != null;
    } catch (MongoException e) {
      // see above
    }
  }
}
