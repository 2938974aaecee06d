package io.video2mp3.api.storage;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/** mongo-java-server in this JVM, with a record of how many documents each delete command removed. */
final class StorageMongo implements AutoCloseable {

  final List<Integer> deletedPerCommand = new CopyOnWriteArrayList<>();
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final MongoClient client;
  final MongoDatabase database;

  StorageMongo() {
    InetSocketAddress address = server.bind();
    CommandListener deletes = new CommandListener() {
      @Override
      public void commandSucceeded(CommandSucceededEvent event) {
        if ("delete".equals(event.getCommandName())) {
          deletedPerCommand.add(event.getResponse().getNumber("n").intValue());
        }
      }
    };
    client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new com.mongodb.ConnectionString(
            "mongodb://" + address.getHostString() + ":" + address.getPort()))
        .addCommandListener(deletes)
        .build());
    database = client.getDatabase("storage-test");
  }

  /** A complete GridFS file of {@code chunks} 16-byte chunks. */
  void completeFile(String bucket, BsonValue id, int chunks) {
    GridFSBuckets.create(database, bucket).uploadFromStream(id, "f", new ByteArrayInputStream(new byte[16 * chunks]),
        new GridFSUploadOptions().chunkSizeBytes(16));
  }

  /** Chunks 0..count-1 of a file without files document (an interrupted writer), written at {@code at}. */
  void orphanChunks(String bucket, BsonValue id, int count, Date at) {
    for (int n = 0; n < count; n++) {
      database.getCollection(bucket + ".chunks").insertOne(new Document("_id", new ObjectId(at))
          .append("files_id", id).append("n", n).append("data", new Binary(new byte[16])));
    }
  }

  long chunks(String bucket) {
    return database.getCollection(bucket + ".chunks").countDocuments();
  }

  long chunksOf(String bucket, BsonValue id) {
    return database.getCollection(bucket + ".chunks", BsonDocument.class)
        .countDocuments(new BsonDocument("files_id", id));
  }

  long files(String bucket) {
    return database.getCollection(bucket + ".files").countDocuments();
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
