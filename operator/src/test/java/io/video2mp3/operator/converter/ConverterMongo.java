package io.video2mp3.operator.converter;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.bson.BsonString;
import org.bson.types.ObjectId;

/**
 * MongoDB for converter tests: mongo-java-server in this JVM, or the server named by MONGODB_URI
 * (then a database unique to this run, dropped at the end).
 */
final class ConverterMongo implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;
  final String uri;
  final MongoDatabase database;

  ConverterMongo() {
    String external = System.getenv("MONGODB_URI");
    String dbName = "converter-" + UUID.randomUUID().toString().substring(0, 8);
    if (external != null && !external.isBlank()) {
      server = null;
      String base = external.replaceAll("/[^/?]*(\\?.*)?$", "");
      String query = external.contains("?") ? external.substring(external.indexOf('?')) : "";
      uri = base + "/" + dbName + query;
    } else {
      server = new MongoServer(new MemoryBackend());
      InetSocketAddress address = server.bind();
      uri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + dbName;
    }
    client = MongoClients.create(uri);
    database = client.getDatabase(dbName);
  }

  GridFSBucket videos() {
    return GridFSBuckets.create(database, StorageLayout.VIDEOS_BUCKET);
  }

  GridFSBucket mp3s() {
    return GridFSBuckets.create(database, StorageLayout.MP3S_BUCKET);
  }

  ObjectId upload(Path file, String filename) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return videos().uploadFromStream(filename, in);
    }
  }

  void downloadMp3(String uid, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      mp3s().downloadToStream(new BsonString(uid), out);
    }
  }

  @Override
  public void close() {
    if (server == null) {
      database.drop();
    }
    client.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
