import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark helper (java single-file program): an in-memory MongoDB (mongo-java-server) on a free
 * loopback port. Prints "= port <n>", then reads commands from stdin, one a line, each answered with one
 * line that starts with "= " (other lines on stdout are log lines):
 *   put <file>    uploads the file into the "videos" GridFS bucket, answers its ObjectId
 *   drop          drops the database "video2mp3" (frees the memory of earlier legs), answers "ok"
 * Exits when stdin closes.
 */
public final class BenchMongo {
  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    int port = server.getLocalAddress().getPort();
    System.out.println("= port " + port);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
      var db = client.getDatabase("video2mp3");
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("put ")) {
          Path file = Path.of(line.substring(4));
          try (InputStream body = Files.newInputStream(file)) {
            System.out.println("= " + GridFSBuckets.create(db, "videos").uploadFromStream(file.getFileName().toString(), body).toHexString());
          }
        } else if (line.equals("drop")) {
          db.drop();
          System.out.println("= ok");
        }
      }
    }
    server.shutdownNow();
  }
}
