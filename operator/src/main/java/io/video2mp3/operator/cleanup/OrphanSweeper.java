package io.video2mp3.operator.cleanup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.api.storage.GridFsChunks;
import io.video2mp3.api.storage.OrphanSweep;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.operator.OperatorSettings.SweepSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what crashes leave in MongoDB, in bounded passes every {@code interval}: chunks of uploads
 * that never got their files document (a gateway killed mid-upload), MP3s complete or partial whose
 * conversion no longer exists (a converter killed, or writing on after its conversion was deleted), and
 * the progress records of those conversions. Only what nobody wrote to for the grace period is touched,
 * so an upload or conversion in progress is never swept.
 *
 * <p>Here and not in the gateway: the operator already deletes files with conversions and knows which
 * exist, and the gateway's replicas would sweep the same bucket side by side.
 */
public final class OrphanSweeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

  /**
   * What one pass removed: abandoned videos, MP3s found through their chunk 0, progress records of
   * conversions that are gone and the MP3 chunks found through them. {@code mp3s} is null and the rest
   * 0 when the API server did not answer.
   */
  public record Report(OrphanSweep.Result videos, OrphanSweep.Result mp3s, long progressRemoved,
      long progressMp3Chunks) {
  }

  private final GridFsChunks videos;
  private final GridFsChunks mp3s;
  private final MongoCollection<Document> mp3Files;
  private final MongoCollection<Document> progress;
  private final LiveConversions live;
  private final SweepSettings settings;
  private final SweepMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "orphan-sweeper");
    thread.setDaemon(true);
    return thread;
  });
  private BsonValue videosCursor;
  private BsonValue mp3sCursor;
  private String progressCursor;

  public OrphanSweeper(MongoDatabase database, LiveConversions live, SweepSettings settings, MeterRegistry registry,
      Clock clock) {
    this.videos = new GridFsChunks(database, StorageLayout.VIDEOS_BUCKET);
    this.mp3s = new GridFsChunks(database, StorageLayout.MP3S_BUCKET);
    this.mp3Files = database.getCollection(StorageLayout.MP3S_BUCKET + ".files");
    this.progress = database.getCollection(StorageLayout.PROGRESS_COLLECTION);
    this.live = live;
    this.settings = settings;
    this.metrics = new SweepMetrics(registry);
    this.clock = clock;
  }

  public void start() {
    try {
      videos.ensureIndexes();
      mp3s.ensureIndexes();
    } catch (RuntimeException e) {
      LOG.warn("cannot create the orphan sweeper's chunk indexes yet: {}", e.getMessage());
    }
    long every = settings.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
  }

  private void sweepLogged() {
    try {
      Report report = sweep();
      if (report.videos().removed() + (report.mp3s() == null ? 0 : report.mp3s().removed()) + report.progressRemoved() > 0) {
        LOG.info("orphan sweep removed {}", report);
      }
    } catch (RuntimeException e) {
      LOG.warn("orphan sweep failed, trying again in {}: {}", settings.interval(), e.getMessage());
    }
  }

  /** One bounded pass over each bucket and the progress records, resuming where the last one stopped. */
  public synchronized Report sweep() {
    Instant idleBefore = clock.instant().minus(settings.grace());
    int max = settings.maxFilesPerSweep();
    OrphanSweep.Result videoResult = new OrphanSweep(videos).sweep(videosCursor, max, idleBefore,
        id -> !videos.hasFilesDocument(id));
    videosCursor = videoResult.resumeAfter();
    metrics.videos(videoResult);

    LiveConversions.Snapshot snapshot;
    try {
      snapshot = live.snapshot();
    } catch (RuntimeException e) {
      LOG.warn("cannot list the conversions, not sweeping MP3s this time: {}", e.getMessage());
      return new Report(videoResult, null, 0, 0);
    }
    OrphanSweep.Result mp3Result = new OrphanSweep(mp3s).sweep(mp3sCursor, max, idleBefore,
        id -> id.isString() && !snapshot.uids().contains(id.asString().getValue()) && covered(snapshot, id));
    mp3sCursor = mp3Result.resumeAfter();
    metrics.mp3s(mp3Result);
    Removed progressResult = sweepProgress(snapshot, idleBefore, max);
    metrics.progress(progressResult.records(), progressResult.chunks());
    return new Report(videoResult, mp3Result, progressResult.records(), progressResult.chunks());
  }

  /**
   * Watching some namespaces only, an MP3 belongs to the sweep when its files document, or else its
   * progress record, names one of them; one that names none is another operator's, or unknown: left alone.
   */
  private boolean covered(LiveConversions.Snapshot snapshot, BsonValue id) {
    if (snapshot.coversAll()) {
      return true;
    }
    Document file = mp3Files.find(Filters.eq("_id", id))
        .projection(Projections.include("metadata." + StorageLayout.META_NAMESPACE)).first();
    Document metadata = file == null ? null : file.get("metadata", Document.class);
    if (metadata != null) {
      return snapshot.covers(metadata.getString(StorageLayout.META_NAMESPACE));
    }
    Document record = progress.find(Filters.eq("_id", id.asString().getValue()))
        .projection(Projections.include(StorageLayout.PROGRESS_NAMESPACE)).first();
    return record != null && snapshot.covers(record.getString(StorageLayout.PROGRESS_NAMESPACE));
  }

  /**
   * Progress records of conversions that are gone, with whatever MP3 chunks their uid still has: the
   * record is the one trace of every converter that ran (it writes it before any chunk, the finalizer marks
   * it before deleting), so chunks that chunk 0 no longer leads to (a delete that raced a writer) are found
   * here. The record goes last, so a crash in between leaves it for the next pass.
   */
  private Removed sweepProgress(LiveConversions.Snapshot snapshot, Instant idleBefore, int max) {
    List<Document> page = new ArrayList<>();
    progress.find(progressCursor == null ? Filters.empty() : Filters.gt("_id", progressCursor))
        .sort(Sorts.ascending("_id")).limit(max).into(page);
    progressCursor = page.size() < max ? null : String.valueOf(page.get(page.size() - 1).get("_id"));
    long removed = 0;
    long chunks = 0;
    for (Document doc : page) {
      if (doc.get("_id") instanceof String uid && !snapshot.uids().contains(uid)
          && (snapshot.coversAll() || snapshot.covers(doc.getString(StorageLayout.PROGRESS_NAMESPACE)))
          && lastWrite(doc).isBefore(idleBefore)
          && mp3s.lastWrite(new BsonString(uid)).map(t -> t.isBefore(idleBefore)).orElse(true)) {
        chunks += mp3s.delete(new BsonString(uid)).chunks();
        removed += progress.deleteOne(Filters.eq("_id", uid)).getDeletedCount();
      }
    }
    return new Removed(removed, chunks);
  }

  private static Instant lastWrite(Document doc) {
    Date cancelled = doc.getDate(StorageLayout.PROGRESS_CANCELLED_AT);
    Date updated = doc.getDate(StorageLayout.PROGRESS_UPDATED_AT);
    Date latest = cancelled == null ? updated : updated == null || cancelled.after(updated) ? cancelled : updated;
    return latest == null ? Instant.MAX : latest.toInstant();
  }

  private record Removed(long records, long chunks) {
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
