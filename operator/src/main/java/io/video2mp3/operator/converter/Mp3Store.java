package io.video2mp3.operator.converter;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;

/** The MP3 in GridFS bucket {@code mp3s}, id = the conversion's uid, so a retry replaces it. */
public final class Mp3Store {

  private final MongoDatabase database;
  private final GridFSBucket bucket;

  public Mp3Store(MongoDatabase database) {
    this.database = database;
    this.bucket = GridFSBuckets.create(database, StorageLayout.MP3S_BUCKET);
  }

  /** Deletes an earlier attempt's output (complete or partial); none is fine. */
  public void deleteEarlier(String uid) {
    try {
      bucket.delete(new BsonString(uid));
    } catch (MongoGridFSException e) {
      // "No file found": nothing to replace. delete() has still removed chunks that a crashed
      // attempt left without a files document.
    }
  }

  public Upload open(String uid, String filename, Document metadata) {
    GridFSUploadStream stream = bucket.openUploadStream(new BsonString(uid), filename,
        new GridFSUploadOptions().metadata(metadata));
    return new Upload(uid, stream);
  }

  /** One upload in progress; ffmpeg's output is pumped into {@link #stream()}. */
  public final class Upload {
    private final String uid;
    private final GridFSUploadStream stream;
    private final CountingStream counting;

    private Upload(String uid, GridFSUploadStream stream) {
      this.uid = uid;
      this.stream = stream;
      this.counting = new CountingStream(stream);
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

    /** Writes the files document, then the facts known only at the end. */
    public void finish(double durationSeconds, String bitrate) {
      stream.close();
      database.getCollection(StorageLayout.MP3S_BUCKET + ".files").updateOne(eq("_id", uid),
          Updates.combine(
              Updates.set("metadata." + StorageLayout.META_DURATION_SECONDS, durationSeconds),
              Updates.set("metadata." + StorageLayout.META_BITRATE, bitrate)));
    }

    /** Drops the chunks written so far. */
    public void abort() {
      try {
        stream.abort();
      } catch (RuntimeException ignored) {
        // a retry deletes leftovers by id anyway
      }
    }
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private long bytes;
    private volatile String failure;

    CountingStream(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
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
