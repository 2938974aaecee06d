package io.video2mp3.operator.converter;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;

/**
 * The converter's output writer in a process of its own, for tests that kill it: writes an endless MP3
 * for the uid in {@code args[0]} through {@link Mp3Store} as the converter does (64 kB blocks, as ffmpeg's
 * pipe delivers them) until it is killed, or sees its conversion cancelled: then, as the converter, it
 * removes what it wrote and exits with {@link #CANCELLED_EXIT}.
 */
public final class Mp3WriterProcess {

  public static final int CANCELLED_EXIT = 3;

  private Mp3WriterProcess() {
  }

  public static void main(String[] args) throws Exception {
    ConnectionString uri = new ConnectionString(System.getenv("MONGODB_URI"));
    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase(uri.getDatabase());
      String uid = args[0];
      CancellationWatch cancellation = new CancellationWatch(database.getCollection(StorageLayout.PROGRESS_COLLECTION),
          uid, Clock.systemUTC(), Duration.ofMillis(200));
      Mp3Store.Upload upload = new Mp3Store(database).open(uid, "endless.mp3", new Document(), cancellation);
      byte[] block = new byte[64 * 1024];
      try {
        while (true) {
          upload.stream().write(block);
          Thread.sleep(20);
        }
      } catch (IOException e) {
        upload.abort();
        System.out.println(e.getMessage());
        System.exit(upload.failure().filter(Mp3Store.CANCELLED::equals).isPresent() ? CANCELLED_EXIT : 1);
      }
    }
  }
}
