package io.video2mp3.local.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** mongo-java-server with its H2 file backend: data in one file under .local/, kept across restarts. */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final H2Backend backend;
  private final int port;

  private EmbeddedMongo(MongoServer server, H2Backend backend, int port) {
    this.server = server;
    this.backend = backend;
    this.port = port;
  }

  public static EmbeddedMongo start(Path file, int port) {
    H2Backend backend;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      backend = new H2Backend(file.toString());
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot open the MongoDB data file " + file + " (" + e.getMessage()
          + "); is another local platform running? Otherwise move the file away.", e);
    }
    MongoServer server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", port);
    } catch (RuntimeException e) {
      backend.close();
      throw new StartupException("cannot start MongoDB on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    return new EmbeddedMongo(server, backend, server.getLocalAddress().getPort());
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/" + StorageLayout.DEFAULT_DATABASE;
  }

  @Override
  public void close() {
    server.shutdownNow();
    backend.close();
  }
}
