package io.video2mp3.gateway.storage;

import org.bson.types.ObjectId;

/** An upload safely stored in bucket {@code videos}. */
public record StoredVideo(ObjectId id, String filename, long size, String sha256, String contentType) {

  public String fileId() {
    return id.toHexString();
  }
}
