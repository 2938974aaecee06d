package io.video2mp3.operator.converter;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;
import io.video2mp3.api.storage.GridFsChunks;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;

/**
 * The MP3 in GridFS bucket {@code mp3s}, id = the conversion's uid, so a retry replaces it and the
 * operator's sweeper can tell from the id alone whether its conversion still exists. Chunks go first,
 * the files document last; deletes go through {@link GridFsChunks} (bounded batches).
 */
public final class Mp3Store {

  static final String CANCELLED = "the conversion was deleted while converting: stopped and removed the partial MP3";

  private final MongoDatabase database;
  private final GridFSBucket bucket;
  private final GridFsChunks chunks;

  public Mp3Store(MongoDatabase database) {
    this.database = database;
    this.bucket = GridFSBuckets.create(database, StorageLayout.MP3S_BUCKET);
    this.chunks = new GridFsChunks(database, StorageLayout.MP3S_BUCKET);
  }

  /** Deletes an earlier attempt's output, complete or partial (chunks a crashed attempt left); none is fine. */
  public void deleteEarlier(String uid) {
    chunks.delete(new BsonString(uid));
  }

  Upload open(String uid, String filename, Document metadata, CancellationWatch cancellation) {
    GridFSUploadStream stream = bucket.openUploadStream(new BsonString(uid), filename,
        new GridFSUploadOptions().metadata(metadata));
    return new Upload(uid, stream, cancellation);
  }

  /** One upload in progress; ffmpeg's output is pumped into {@link #stream()}. */
  public final class Upload {
    private final String uid;
    private final GridFSUploadStream stream;
    private final CountingStream counting;
    private final CancellationWatch cancellation;

    private Upload(String uid, GridFSUploadStream stream, CancellationWatch cancellation) {
      this.uid = uid;
      this.stream = stream;
      this.cancellation = cancellation;
      this.counting = new CountingStream(stream, cancellation);
    }

    /** Counts bytes, records write failures, and ignores close (jaffree must not finish the file). */
    public OutputStream stream() {
      return counting;
    }

    public long bytes() {
      return counting.bytes;
    }

    public Optional<String> failure() {
      return Optional.ofNullable(counting.failure);
    }

    /**
     * Writes the files document, then the facts known only at the end. Checks for a cancellation before
     * and after: the finalizer marks before it deletes, so either this sees the mark and deletes the MP3
     * itself, or the finalizer's delete comes after the files document and removes it.
     */
    public void finish(double durationSeconds, String bitrate) throws ConversionException {
      if (cancellation.cancelledNow()) {
        abort();
        throw ConversionException.transientFailure(CANCELLED, null);
      }
      stream.close();
      database.getCollection(StorageLayout.MP3S_BUCKET + ".files").updateOne(eq("_id", uid),
          Updates.combine(
              Updates.set("metadata." + StorageLayout.META_DURATION_SECONDS, durationSeconds),
              Updates.set("metadata." + StorageLayout.META_BITRATE, bitrate)));
      if (cancellation.cancelledNow()) {
        chunks.delete(new BsonString(uid));
        throw ConversionException.transientFailure(CANCELLED, null);
      }
    }

    /**
     * Drops the chunks written so far, in bounded batches (not the stream's abort(): one deleteMany of
     * every chunk). A failure is left to the next attempt or the sweeper.
     */
    public void abort() {
      try {
        chunks.deleteChunks(new BsonString(uid));
      } catch (RuntimeException ignored) {
        // a retry deletes leftovers by id, the operator's sweeper once the conversion is gone
      }
    }
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private final CancellationWatch cancellation;
    private long bytes;
    private volatile String failure;

    CountingStream(OutputStream target, CancellationWatch cancellation) {
      this.target = target;
      this.cancellation = cancellation;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (cancellation.cancelled()) {
        failure = CANCELLED;
        throw new IOException(failure);
      }
      try {
        target.write(b, off, len);
        bytes += len;
      } catch (RuntimeException e) {
        failure = "writing the MP3 to GridFS failed: " + e.getMessage();
        throw new IOException(failure, e);
      }
    }

    @Override
    public void flush() {
      // GridFS writes whole chunks; nothing to flush early
    }

    @Override
    public void close() {
      // finished or aborted by Upload, never by the pump
    }
  }
}
