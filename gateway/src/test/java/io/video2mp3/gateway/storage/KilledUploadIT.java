package io.video2mp3.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.storage.GridFsChunks;
import io.video2mp3.api.storage.OrphanSweep;
import io.video2mp3.api.storage.StorageLayout;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway killed (SIGKILL) in the middle of an upload leaves chunks without a files document; the
 * operator's sweep (the same {@link OrphanSweep} over {@code videos}) removes exactly those, and neither
 * a complete upload nor one still streaming in (younger than the grace period).
 */
class KilledUploadIT {

  private static final Duration GRACE = Duration.ofSeconds(2);

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final InetSocketAddress address = server.bind();
  private final String uri = "mongodb://127.0.0.1:" + address.getPort() + "/killed-upload";
  private final MongoClient client = MongoClients.create(uri);
  private final MongoDatabase database = client.getDatabase("killed-upload");
  private final VideoStore store = new VideoStore(database);
  private final AtomicBoolean streaming = new AtomicBoolean(true);

  @AfterEach
  void close() {
    streaming.set(false);
    client.close();
    server.shutdownNow();
  }

  @Test
  void theSweepRemovesExactlyTheChunksOfTheKilledUpload() throws Exception {
    StoredVideo complete = store.store(new byte[0], measured(new ByteArrayInputStream(new byte[600_000])), "done.mp4",
        "video/mp4", new Owner("bob", "bob@example.com"));

    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        UploadWriterProcess.class.getName())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "killed-upload-it.log").toFile());
    builder.environment().put("MONGODB_URI", uri);
    Process gateway = builder.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> chunks() >= 3 + 3);
    gateway.destroyForcibly(); // SIGKILL: no catch block, no abort, nothing cleaned up
    gateway.waitFor();
    long killedChunks = chunks() - 3;
    Instant killedAt = Instant.now();

    Thread inProgress = new Thread(() -> {
      try {
        store.store(new byte[0], measured(new EndlessBody(streaming::get)), "slow.mp4", "video/mp4",
            new Owner("carol", "carol@example.com"));
      } catch (Exception e) {
        // the test ends the body; whatever happens then is not what this test looks at
      }
    });
    inProgress.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> chunks() >= 3 + killedChunks + 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(killedAt.plus(GRACE).plusSeconds(1)));

    GridFsChunks videos = new GridFsChunks(database, StorageLayout.VIDEOS_BUCKET);
    OrphanSweep.Result result = new OrphanSweep(videos).sweep(null, 100, Instant.now().minus(GRACE),
        id -> !videos.hasFilesDocument(id));

    assertThat(result.removed()).isEqualTo(1);
    assertThat(result.chunks()).isEqualTo(killedChunks);
    assertThat(result.filesDocuments()).isZero();
    List<BsonValue> left = videos.firstChunks(null, 10);
    assertThat(left).hasSize(2).contains(new org.bson.BsonObjectId(complete.id()));
    assertThat(database.getCollection("videos.chunks").countDocuments(new Document("files_id", complete.id())))
        .isEqualTo(3);
    streaming.set(false);
    inProgress.join();
  }

  private static MeasuredInputStream measured(java.io.InputStream in) {
    return new MeasuredInputStream(in, Long.MAX_VALUE);
  }

  private long chunks() {
    return database.getCollection("videos.chunks").countDocuments();
  }
}
