package io.video2mp3.gateway.storage;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.storage.GridFsChunks;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.util.HexFormat;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Uploaded videos in GridFS bucket {@code videos}: streamed in chunk by chunk, never whole in memory. */
@Component
public class VideoStore {

  private static final Logger log = LoggerFactory.getLogger(VideoStore.class);
  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final MongoDatabase database;
  private final GridFSBucket bucket;
  private final GridFsChunks chunks;

  public VideoStore(MongoDatabase database) {
    this.database = database;
    this.bucket = GridFSBuckets.create(database, StorageLayout.VIDEOS_BUCKET);
    this.chunks = new GridFsChunks(database, StorageLayout.VIDEOS_BUCKET);
  }

  /**
   * Copies {@code head} (already read from {@code body} to sniff it) and the rest of {@code body} into a
   * new GridFS file (chunks first, the files document last: if this process dies in between, the
   * operator's orphan sweeper removes the chunks). If reading the body fails (too large, client gone) the
   * chunks written so far are removed and the exception is rethrown, so no half-stored video remains.
   */
  public StoredVideo store(byte[] head, MeasuredInputStream body, String filename, String contentType, Owner owner)
      throws IOException {
    ObjectId id = new ObjectId();
    Document metadata = new Document(StorageLayout.META_OWNER, owner.username())
        .append(StorageLayout.META_FILENAME, filename)
        .append(StorageLayout.META_CONTENT_TYPE, contentType);
    GridFSUploadStream upload = bucket.openUploadStream(new BsonObjectId(id), filename, new GridFSUploadOptions().metadata(metadata));
    try {
      upload.write(head);
      byte[] buffer = new byte[COPY_BUFFER_BYTES];
      int read;
      while ((read = body.read(buffer)) != -1) {
        upload.write(buffer, 0, read);
      }
      upload.close();
    } catch (IOException | RuntimeException e) {
      // Not upload.abort(): its single deleteMany of every chunk is what mongo-java-server cannot do for big files.
      deleteChunksQuietly(id);
      throw e;
    }
    String sha256 = HexFormat.of().formatHex(body.sha256());
    try {
      // Size and digest are known only now that the whole body went through.
      database.getCollection(StorageLayout.VIDEOS_BUCKET + ".files").updateOne(eq("_id", id), combine(
          set("metadata." + StorageLayout.META_SIZE, body.count()),
          set("metadata." + StorageLayout.META_SHA256, sha256)));
    } catch (MongoException e) {
      delete(id);
      throw e;
    }
    return new StoredVideo(id, filename, body.count(), sha256, contentType);
  }

  /** Removes a stored video (its publish failed); failures are logged, the caller is already failing. */
  public void delete(ObjectId id) {
    try {
      chunks.delete(new BsonObjectId(id));
    } catch (MongoException e) {
      log.error("Could not delete video {} after a failed upload; the orphan sweeper removes what is left", id, e);
    }
  }

  private void deleteChunksQuietly(ObjectId id) {
    try {
      chunks.deleteChunks(new BsonObjectId(id));
    } catch (RuntimeException e) {
      log.error("Could not remove the partial upload {}; the orphan sweeper removes its chunks", id, e);
    }
  }
}
