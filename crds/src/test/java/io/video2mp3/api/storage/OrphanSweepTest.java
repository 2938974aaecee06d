package io.video2mp3.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanSweepTest {

  private final StorageMongo mongo = new StorageMongo();
  private final GridFsChunks videos = new GridFsChunks(mongo.database, "videos", 8);
  private final Instant now = Instant.now();
  private final Instant idleBefore = now.minus(Duration.ofMinutes(10));

  @AfterEach
  void close() {
    mongo.close();
  }

  @Test
  void removesExactlyTheIdleChunksWithoutFilesDocument() {
    BsonObjectId complete = new BsonObjectId(new ObjectId());
    BsonObjectId abandoned = new BsonObjectId(new ObjectId());
    BsonObjectId inProgress = new BsonObjectId(new ObjectId());
    mongo.completeFile("videos", complete, 20);
    mongo.orphanChunks("videos", abandoned, 37, Date.from(now.minus(Duration.ofHours(1))));
    mongo.orphanChunks("videos", inProgress, 5, Date.from(now.minus(Duration.ofMinutes(1))));

    OrphanSweep.Result result = new OrphanSweep(videos).sweep(null, 100, idleBefore, id -> !videos.hasFilesDocument(id));

    assertThat(result).isEqualTo(new OrphanSweep.Result(3, 1, 0, 37, null));
    assertThat(mongo.chunksOf("videos", abandoned)).isZero();
    assertThat(mongo.chunksOf("videos", complete)).isEqualTo(20);
    assertThat(mongo.chunksOf("videos", inProgress)).isEqualTo(5);
  }

  @Test
  void aDeleteCutShortLeavesWhatTheSweepRemoves() {
    BsonObjectId id = new BsonObjectId(new ObjectId(Date.from(now.minus(Duration.ofHours(2)))));
    mongo.completeFile("videos", id, 100);
    // a crash in the middle of delete(): the files document and the top 40 chunks are gone
    mongo.database.getCollection("videos.files").deleteOne(new org.bson.Document("_id", id.getValue()));
    mongo.database.getCollection("videos.chunks").deleteMany(new org.bson.Document("n", new org.bson.Document("$gte", 60)));

    // completeFile's chunks were written now: a sweep with a grace of zero takes them
    OrphanSweep.Result result = new OrphanSweep(videos).sweep(null, 100, Instant.now().plusSeconds(1),
        f -> !videos.hasFilesDocument(f));

    assertThat(result.chunks()).isEqualTo(60);
    assertThat(mongo.chunks("videos")).isZero();
  }

  @Test
  void aPassIsBoundedAndTheNextResumesWhereItStopped() {
    for (int i = 0; i < 5; i++) {
      mongo.orphanChunks("videos", new BsonObjectId(new ObjectId()), 2, Date.from(now.minus(Duration.ofHours(1))));
    }
    OrphanSweep sweep = new OrphanSweep(videos);

    OrphanSweep.Result first = sweep.sweep(null, 3, idleBefore, id -> true);
    assertThat(first.examined()).isEqualTo(3);
    assertThat(first.chunks()).isEqualTo(6);
    assertThat(first.resumeAfter()).isNotNull();
    OrphanSweep.Result second = sweep.sweep(first.resumeAfter(), 3, idleBefore, id -> true);
    assertThat(second).isEqualTo(new OrphanSweep.Result(2, 2, 0, 4, null));
    assertThat(mongo.chunks("videos")).isZero();
  }
}
