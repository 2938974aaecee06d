package io.video2mp3.notifier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM mongo-java-server and a client to it for one test class. Use as a static
 * {@code @RegisterExtension} field; unit tests use it whatever MONGODB_URI says (see test-support's TestMongo
 * for the integration tests).
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

  private MongoServer server;
  private MongoClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    server.shutdownNow();
  }

  /** The collection, emptied: call it before each test. */
  public MongoCollection<Document> emptyCollection(String database, String collection) {
    MongoCollection<Document> emptied = client.getDatabase(database).getCollection(collection);
    emptied.deleteMany(new Document());
    return emptied;
  }
}
