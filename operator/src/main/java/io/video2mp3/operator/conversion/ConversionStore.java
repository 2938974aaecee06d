package io.video2mp3.operator.conversion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.storage.Deliveries;
import io.video2mp3.api.storage.GridFsChunks;
import io.video2mp3.api.storage.StorageLayout;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The operator's view of MongoDB: progress records to mirror, mail deliveries to mirror, and the files
 * to delete with a conversion.
 */
public class ConversionStore {

  private final MongoDatabase database;
  private final GridFsChunks videos;
  private final GridFsChunks mp3s;
  private final Deliveries deliveries;
  private final Clock clock;

  public ConversionStore(MongoDatabase database, Clock clock) {
    this.database = database;
    this.videos = new GridFsChunks(database, StorageLayout.VIDEOS_BUCKET);
    this.mp3s = new GridFsChunks(database, StorageLayout.MP3S_BUCKET);
    this.deliveries = new Deliveries(database.getCollection(StorageLayout.DELIVERIES_COLLECTION));
    this.clock = clock;
  }

  public Optional<ProgressRecord> progress(String uid) {
    Document doc = progressCollection().find(Filters.eq("_id", uid)).first();
    if (doc == null || !(doc.get(StorageLayout.PROGRESS_PERCENT) instanceof Number percent)) {
      return Optional.empty();
    }
    return Optional.of(new ProgressRecord(uid, percent.intValue()));
  }

  /** How the owner's mail ended, once the notifier recorded it. */
  public Optional<Notification> delivery(String uid) {
    return deliveries.find(uid);
  }

  /**
   * Marks the conversion cancelled on its progress record (first: a converter still running then stops
   * writing and deletes its own partial MP3), then deletes the source upload and the MP3 in bounded chunk
   * batches; files already gone are fine. The progress record stays as the marker; the orphan sweeper
   * removes it, and whatever a converter wrote after this, once the conversion is gone.
   */
  public void deleteFiles(VideoConversion conversion) {
    String uid = conversion.getMetadata().getUid();
    if (uid != null) {
      progressCollection().updateOne(Filters.eq("_id", uid), Updates.combine(
          Updates.set(StorageLayout.PROGRESS_CANCELLED_AT, Date.from(clock.instant())),
          Updates.set(StorageLayout.PROGRESS_NAMESPACE, conversion.getMetadata().getNamespace())),
          new UpdateOptions().upsert(true));
    }
    Source source = conversion.getSpec() == null ? null : conversion.getSpec().getSource();
    if (source != null && source.isUpload() && ObjectId.isValid(source.fileId())) {
      videos.delete(new BsonObjectId(new ObjectId(source.fileId())));
    }
    if (uid != null) {
      mp3s.delete(new BsonString(uid));
    }
  }

  private MongoCollection<Document> progressCollection() {
    return database.getCollection(StorageLayout.PROGRESS_COLLECTION);
  }

  public void ping() {
    database.runCommand(new Document("ping", 1));
  }
}
