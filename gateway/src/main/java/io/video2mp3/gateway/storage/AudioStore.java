package io.video2mp3.gateway.storage;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import io.video2mp3.api.storage.StorageLayout;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Produced audio in GridFS bucket {@code mp3s}, keyed by the conversion's uid. */
@Component
public class AudioStore {

  /** mongo-java-server ignores the 48 MB reply limit, so big files need small batches (harmless on MongoDB). */
  private static final int DOWNLOAD_BATCH_SIZE = 16;

  private final GridFSBucket bucket;

  public AudioStore(MongoDatabase database) {
    this.bucket = GridFSBuckets.create(database, StorageLayout.MP3S_BUCKET);
  }

  public Optional<StoredAudio> find(String fileId) {
    GridFSFile file = bucket.find(new Document("_id", new BsonString(fileId))).first();
    if (file == null) {
      return Optional.empty();
    }
    Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
    return Optional.of(new StoredAudio(fileId, file.getFilename(), file.getLength(),
        file.getUploadDate() == null ? 0 : file.getUploadDate().getTime(),
        metadata.getString(StorageLayout.META_NAMESPACE),
        metadata.getString(StorageLayout.META_CONVERSION)));
  }

  /** A stream positioned at the start of the file; the caller skips to a range start. */
  public GridFSDownloadStream open(String fileId) {
    return bucket.openDownloadStream(new BsonString(fileId)).batchSize(DOWNLOAD_BATCH_SIZE);
  }

  /** What the gateway needs to know about a stored MP3. */
  public record StoredAudio(String fileId, String filename, long length, long uploadedAtMillis,
      String namespace, String conversion) {
  }
}
