package io.video2mp3.testsupport.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * MongoDB for one test: an in-JVM mongo-java-server, or the real one MONGODB_URI names; either way a
 * database of its own ({@code <prefix><random>}), so that tests never see each other's data.
 */
public final class TestMongo implements AutoCloseable {

  private final MongoServer server;
  private final String database;
  private final String uri;

  public TestMongo(String databasePrefix) {
    this(databasePrefix, System.getenv("MONGODB_URI"));
  }

  TestMongo(String databasePrefix, String external) {
    database = databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (external != null && !external.isBlank()) {
      server = null;
      uri = withDatabase(external, database);
    } else {
      server = new MongoServer(new MemoryBackend());
      InetSocketAddress address = server.bind();
      uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
  }

  public String uri() {
    return uri;
  }

  public String database() {
    return database;
  }

  /** Whether this is a real MongoDB (MONGODB_URI), whose test database the test should drop. */
  public boolean isExternal() {
    return server == null;
  }

  /** The URI with its database replaced, options kept. */
  static String withDatabase(String uri, String database) {
    int schemeEnd = uri.indexOf("://") + 3;
    int query = uri.indexOf('?', schemeEnd);
    String options = query >= 0 ? uri.substring(query) : "";
    String base = query >= 0 ? uri.substring(0, query) : uri;
    int slash = base.indexOf('/', schemeEnd);
    String hosts = slash >= 0 ? base.substring(0, slash) : base;
    return hosts + "/" + database + options;
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdownNow();
    }
  }
}
