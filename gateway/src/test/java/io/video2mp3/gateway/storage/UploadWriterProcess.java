package io.video2mp3.gateway.storage;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.video2mp3.api.conversion.Owner;

/**
 * The gateway's upload writer in a process of its own, for a test that SIGKILLs it mid-upload: stores
 * an endless body through {@link VideoStore}, exactly as an upload request does.
 */
public final class UploadWriterProcess {

  private UploadWriterProcess() {
  }

  public static void main(String[] args) throws Exception {
    ConnectionString uri = new ConnectionString(System.getenv("MONGODB_URI"));
    try (MongoClient client = MongoClients.create(uri)) {
      VideoStore store = new VideoStore(client.getDatabase(uri.getDatabase()));
      store.store(new byte[0], new MeasuredInputStream(new EndlessBody(() -> true), Long.MAX_VALUE), "endless.mp4",
          "video/mp4", new Owner("alice", "alice@example.com"));
    }
  }
}
