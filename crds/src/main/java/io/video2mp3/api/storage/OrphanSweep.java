package io.video2mp3.api.storage;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.bson.BsonValue;

/**
 * One bounded pass over a bucket's files (found through their chunk 0, so files without a files
 * document are found too): removes each one that the caller calls an orphan and whose last chunk was
 * written before {@code idleBefore}, so that a writer still at work (an upload in progress, a converter
 * running) is never swept. Passes resume where the previous one stopped.
 */
public final class OrphanSweep {

  private final GridFsChunks bucket;

  public OrphanSweep(GridFsChunks bucket) {
    this.bucket = bucket;
  }

  /**
   * @param after where the previous pass stopped ({@link Result#resumeAfter}), null to start over
   * @param maxFiles how many files this pass looks at, at most
   * @param orphan whether a file id belongs to nothing any more (no files document, no live conversion)
   */
  public Result sweep(BsonValue after, int maxFiles, Instant idleBefore, Predicate<BsonValue> orphan) {
    List<BsonValue> ids = bucket.firstChunks(after, maxFiles);
    int removed = 0;
    long filesDocuments = 0;
    long chunks = 0;
    for (BsonValue id : ids) {
      if (orphan.test(id) && bucket.lastWrite(id).map(t -> t.isBefore(idleBefore)).orElse(false)) {
        GridFsChunks.Deleted deleted = bucket.delete(id);
        removed++;
        filesDocuments += deleted.files();
        chunks += deleted.chunks();
      }
    }
    BsonValue resume = ids.size() < maxFiles ? null : ids.get(ids.size() - 1);
    return new Result(ids.size(), removed, filesDocuments, chunks, resume);
  }

  /**
   * What a pass did: files looked at, files removed (complete or not), the files documents and chunks
   * that went with them, and where the next pass starts (null: the end was reached, start over).
   */
  public record Result(int examined, int removed, long filesDocuments, long chunks, BsonValue resumeAfter) {
  }
}
