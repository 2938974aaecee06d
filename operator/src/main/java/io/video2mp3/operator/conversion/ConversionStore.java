package io.video2mp3.operator.conversion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.storage.StorageLayout;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The operator's view of MongoDB: progress records to mirror, and the files to delete with a conversion. */
public class ConversionStore {

  private final MongoDatabase database;

  public ConversionStore(MongoDatabase database) {
    this.database = database;
  }

  public Optional<ProgressRecord> progress(String uid) {
    Document doc = progressCollection().find(Filters.eq("_id", uid)).first();
    if (doc == null || !(doc.get(StorageLayout.PROGRESS_PERCENT) instanceof Number percent)) {
      return Optional.empty();
    }
    return Optional.of(new ProgressRecord(uid, percent.intValue()));
  }

  /** Deletes the source upload, the MP3 and the progress record; files already gone are fine. */
  public void deleteFiles(VideoConversion conversion) {
    String uid = conversion.getMetadata().getUid();
    Source source = conversion.getSpec() == null ? null : conversion.getSpec().getSource();
    if (source != null && source.isUpload() && ObjectId.isValid(source.fileId())) {
      deleteIfPresent(GridFSBuckets.create(database, StorageLayout.VIDEOS_BUCKET), new ObjectId(source.fileId()));
    }
    if (uid != null) {
      deleteIfPresent(GridFSBuckets.create(database, StorageLayout.MP3S_BUCKET), new BsonString(uid));
      progressCollection().deleteOne(Filters.eq("_id", uid));
    }
  }

  private static void deleteIfPresent(GridFSBucket bucket, Object id) {
    BsonValue bsonId = id instanceof ObjectId objectId ? new org.bson.BsonObjectId(objectId) : (BsonValue) id;
    // Query first: GridFSBucket.delete throws when the file does not exist.
    if (bucket.find(Filters.eq("_id", bsonId)).first() != null) {
      bucket.delete(bsonId);
    }
  }

  private MongoCollection<Document> progressCollection() {
    return database.getCollection(StorageLayout.PROGRESS_COLLECTION);
  }

  public void ping() {
    database.runCommand(new Document("ping", 1));
  }
}
