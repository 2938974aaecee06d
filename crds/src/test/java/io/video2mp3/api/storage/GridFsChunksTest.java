package io.video2mp3.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GridFsChunksTest {

  private final StorageMongo mongo = new StorageMongo();

  @AfterEach
  void close() {
    mongo.close();
  }

  @Test
  void deletesAFileOfManyChunksInBoundedBatchesAndLeavesOtherFiles() {
    BsonObjectId big = new BsonObjectId(new ObjectId());
    BsonObjectId other = new BsonObjectId(new ObjectId());
    mongo.completeFile("videos", big, 2_500);
    mongo.completeFile("videos", other, 3);
    GridFsChunks chunks = new GridFsChunks(mongo.database, "videos", 16);

    mongo.deletedPerCommand.clear();
    GridFsChunks.Deleted deleted = chunks.delete(big);

    assertThat(deleted).isEqualTo(new GridFsChunks.Deleted(1, 2_500));
    assertThat(mongo.chunksOf("videos", big)).isZero();
    assertThat(mongo.chunks("videos")).isEqualTo(3);
    assertThat(mongo.files("videos")).isEqualTo(1);
    // one files document, then 2500 / 16 = 157 chunk batches, none over the batch size
    assertThat(mongo.deletedPerCommand).hasSize(1 + 157).allMatch(n -> n <= 16);
    assertThat(mongo.deletedPerCommand.get(0)).isEqualTo(1);
  }

  @Test
  void aFileAlreadyGoneOrWithoutFilesDocumentIsFine() {
    GridFsChunks chunks = new GridFsChunks(mongo.database, "mp3s", 4);
    assertThat(chunks.delete(new BsonString("nothing"))).isEqualTo(new GridFsChunks.Deleted(0, 0));

    mongo.orphanChunks("mp3s", new BsonString("uid-1"), 9, new Date());
    assertThat(chunks.delete(new BsonString("uid-1"))).isEqualTo(new GridFsChunks.Deleted(0, 9));
    assertThat(mongo.chunks("mp3s")).isZero();
  }

  @Test
  void chunksAboveAGapAreDeletedToo() {
    GridFsChunks chunks = new GridFsChunks(mongo.database, "mp3s", 4);
    BsonString id = new BsonString("uid-gap");
    // a deleter took 0..9 while the writer appended 10..14: 0 is gone, so the prefix probe sees nothing
    mongo.orphanChunks("mp3s", id, 15, new Date());
    mongo.database.getCollection("mp3s.chunks").deleteMany(new org.bson.Document("n", new org.bson.Document("$lt", 10)));

    assertThat(chunks.deleteChunks(id)).isEqualTo(5);
    assertThat(mongo.chunks("mp3s")).isZero();
  }

  @Test
  void findsTheHighestChunkAndWhenItWasWritten() {
    GridFsChunks chunks = new GridFsChunks(mongo.database, "mp3s", 4);
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    for (int count : new int[] {1, 2, 3, 64, 65, 100}) {
      BsonString id = new BsonString("uid-" + count);
      mongo.orphanChunks("mp3s", id, count, Date.from(at));
      assertThat(chunks.highestChunk(id)).isEqualTo(count - 1);
    }
    assertThat(chunks.highestChunk(new BsonString("none"))).isEqualTo(-1);
    assertThat(chunks.lastWrite(new BsonString("uid-65"))).contains(at);
    assertThat(chunks.lastWrite(new BsonString("none"))).isEmpty();
  }

  @Test
  void listsFilesByTheirFirstChunkInPages() {
    GridFsChunks chunks = new GridFsChunks(mongo.database, "mp3s", 4);
    chunks.ensureIndexes();
    for (String uid : new String[] {"c", "a", "b"}) {
      mongo.orphanChunks("mp3s", new BsonString(uid), 3, new Date());
    }
    assertThat(chunks.firstChunks(null, 2)).containsExactly(new BsonString("a"), new BsonString("b"));
    assertThat(chunks.firstChunks(new BsonString("b"), 2)).containsExactly(new BsonString("c"));
  }
}
