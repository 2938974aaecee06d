package io.video2mp3.api.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * One GridFS bucket's files, deleted and inspected chunk range by chunk range: never one query that
 * matches a whole file's chunks (mongo-java-server loads every match of a delete at once, so deleting a
 * ~1 GB file that way runs it out of memory). The one place every service deletes GridFS files.
 *
 * <p>Relies on what GridFS writers do: chunks {@code n = 0, 1, 2...} are inserted one after the other
 * and the files document last. Deleting removes the files document first, then the chunks from the
 * highest {@code n} down, so whatever a crash leaves at any point is a chunk prefix {@code 0..k} without
 * a files document: an orphan that {@link OrphanSweep} finds through its chunk 0 and removes.
 */
public final class GridFsChunks {

  /** Chunks per delete: at GridFS's default 255 kB chunks, about 16 MB per query. */
  public static final int DEFAULT_BATCH = 64;
  static final String FILES_ID = "files_id";
  static final String N = "n";
  private static final int MAX_ROUNDS = 3;

  private final MongoCollection<BsonDocument> files;
  private final MongoCollection<BsonDocument> chunks;
  private final int batchSize;

  public GridFsChunks(MongoDatabase database, String bucket, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    this.files = database.getCollection(bucket + ".files", BsonDocument.class);
    this.chunks = database.getCollection(bucket + ".chunks", BsonDocument.class);
    this.batchSize = batchSize;
  }

  public GridFsChunks(MongoDatabase database, String bucket) {
    this(database, bucket, DEFAULT_BATCH);
  }

  /**
   * The index that makes {@link #firstChunks} an index scan on MongoDB ({@code {files_id, n}}, which
   * GridFS creates, cannot serve {@code n = 0}). Idempotent; mongo-java-server ignores it.
   */
  public void ensureIndexes() {
    chunks.createIndex(Indexes.ascending(N, FILES_ID), new IndexOptions().name("n_1_files_id_1"));
  }

  /** Deletes the file: its files document, then its chunks top down. A file already gone is fine. */
  public Deleted delete(BsonValue id) {
    long filesDeleted = files.deleteOne(eq("_id", id)).getDeletedCount();
    return new Deleted(filesDeleted, deleteChunks(id));
  }

  /** Whether the file is complete (has its files document). */
  public boolean hasFilesDocument(BsonValue id) {
    return files.find(eq("_id", id)).projection(Projections.include("_id")).first() != null;
  }

  /**
   * Deletes the chunks of {@code id} in ranges of {@code batchSize}, highest first; returns how many went.
   * A writer still appending while a delete runs (a converter that has not yet seen its cancellation) can
   * leave chunks above a gap, which the prefix probe cannot see: each round ends by asking for the highest
   * chunk left, a query that matches only those few, and deletes again from there (a bounded number of
   * rounds: a writer that goes on is stopped by its cancellation mark, and its leftovers swept).
   */
  public long deleteChunks(BsonValue id) {
    long deleted = 0;
    int top = highestChunk(id);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (top < 0) {
        top = highestRemaining(id);
        if (top < 0) {
          break;
        }
      }
      for (int upper = top + 1; upper > 0; upper -= batchSize) {
        int lower = Math.max(0, upper - batchSize);
        deleted += chunks.deleteMany(and(eq(FILES_ID, id), gte(N, lower), lt(N, upper))).getDeletedCount();
      }
      top = -1;
    }
    return deleted;
  }

  private int highestRemaining(BsonValue id) {
    BsonDocument chunk = chunks.find(eq(FILES_ID, id)).projection(Projections.include(N))
        .sort(Sorts.descending(N)).limit(1).first();
    return chunk == null || !chunk.isNumber(N) ? -1 : chunk.getNumber(N).intValue();
  }

  /**
   * When the last chunk of {@code id} was written, from its ObjectId (the driver makes one per chunk);
   * empty when it has no chunks or its chunk ids carry no time.
   */
  public Optional<Instant> lastWrite(BsonValue id) {
    int top = highestChunk(id);
    if (top < 0) {
      return Optional.empty();
    }
    BsonDocument chunk = chunk(id, top, Projections.include("_id"));
    return chunk == null || !chunk.get("_id").isObjectId()
        ? Optional.empty()
        : Optional.of(chunk.getObjectId("_id").getValue().getDate().toInstant());
  }

  /**
   * The ids of files with a chunk 0 after {@code after} (null: from the start), in id order, at most
   * {@code limit}: every file that has any chunk, complete or not.
   */
  public List<BsonValue> firstChunks(BsonValue after, int limit) {
    Bson filter = after == null ? eq(N, 0) : and(eq(N, 0), gt(FILES_ID, after));
    List<BsonValue> ids = new ArrayList<>();
    chunks.find(filter).projection(Projections.include(FILES_ID)).sort(Sorts.ascending(FILES_ID)).limit(limit)
        .forEach(d -> ids.add(d.get(FILES_ID)));
    return ids;
  }

  /**
   * The highest chunk number of {@code id}, -1 for none: a doubling probe then a binary search, each
   * step a point query on {@code {files_id, n}} (the chunks are a prefix {@code 0..k}).
   */
  int highestChunk(BsonValue id) {
    if (chunk(id, 0, Projections.include("_id")) == null) {
      return -1;
    }
    int present = 0;
    long absent = 1;
    while (chunk(id, (int) absent, Projections.include("_id")) != null) {
      present = (int) absent;
      absent = Math.min(absent * 2, Integer.MAX_VALUE);
    }
    while (absent - present > 1) {
      int middle = (int) ((present + absent) / 2);
      if (chunk(id, middle, Projections.include("_id")) != null) {
        present = middle;
      } else {
        absent = middle;
      }
    }
    return present;
  }

  private BsonDocument chunk(BsonValue id, int n, Bson projection) {
    return chunks.find(and(eq(FILES_ID, id), eq(N, n))).projection(projection).first();
  }

  /** What a delete removed: files documents (0 or 1) and chunks. */
  public record Deleted(long files, long chunks) {
  }
}
