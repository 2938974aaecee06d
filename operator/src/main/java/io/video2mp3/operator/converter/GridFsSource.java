package io.video2mp3.operator.converter;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.IOException;
import java.io.InputStream;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;

/**
 * An uploaded video in GridFS bucket {@code videos}. Each {@link #openAt} is a new download stream
 * that skips to the offset; the driver's skip jumps to the containing chunk without reading the
 * ones before it.
 */
public final class GridFsSource implements SeekableSource {

  /**
   * mongo-java-server ignores the 48 MB reply limit, so a default cursor over a large file fails;
   * 16 chunks (4 MiB with the default chunk size) per batch is harmless on a real MongoDB.
   */
  static final int BATCH_SIZE = 16;

  private final GridFSBucket bucket;
  private final GridFSFile file;

  private GridFsSource(GridFSBucket bucket, GridFSFile file) {
    this.bucket = bucket;
    this.file = file;
  }

  /** Looks the file up; a missing file is permanent (its upload was deleted). */
  public static GridFsSource find(GridFSBucket bucket, ObjectId id) throws ConversionException {
    GridFSFile file = bucket.find(new org.bson.Document("_id", id)).first();
    if (file == null) {
      throw ConversionException.permanent("the uploaded video was not found (it may have been deleted)");
    }
    return new GridFsSource(bucket, file);
  }

  public String filename() {
    return file.getFilename();
  }

  @Override
  public long size() {
    return file.getLength();
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    GridFSDownloadStream stream = bucket.openDownloadStream(new BsonObjectId(file.getObjectId()))
        .batchSize(BATCH_SIZE);
    if (offset > 0) {
      long skipped = stream.skip(offset);
      if (skipped != offset) {
        stream.close();
        throw new IOException(describe() + ": cannot skip to byte " + offset);
      }
    }
    return stream;
  }

  @Override
  public String describe() {
    return "GridFS file " + file.getObjectId().toHexString();
  }
}
