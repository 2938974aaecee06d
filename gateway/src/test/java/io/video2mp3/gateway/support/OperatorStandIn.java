package io.video2mp3.gateway.support;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.storage.StorageLayout;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.bson.BsonString;
import org.bson.Document;

/** Plays the operator and converter where a test needs a finished conversion. */
public final class OperatorStandIn {

  private OperatorStandIn() {
  }

  /** Stores the MP3 under the conversion's uid and marks it Succeeded; returns the uid (the output file id). */
  public static String finish(Infrastructure infra, String name, byte[] mp3) {
    VideoConversion conversion = infra.kubernetes.resources(VideoConversion.class)
        .inNamespace(Infrastructure.NAMESPACE).withName(name).get();
    String uid = conversion.getMetadata().getUid();
    GridFSBucket mp3s = GridFSBuckets.create(infra.mongo, StorageLayout.MP3S_BUCKET);
    mp3s.uploadFromStream(new BsonString(uid), "talk.mp3", new ByteArrayInputStream(mp3),
        new GridFSUploadOptions().metadata(new Document(StorageLayout.META_NAMESPACE, Infrastructure.NAMESPACE)
            .append(StorageLayout.META_CONVERSION, name)
            .append(StorageLayout.META_CONTENT_TYPE, "audio/mpeg")
            .append(StorageLayout.META_DURATION_SECONDS, 2.0)
            .append(StorageLayout.META_BITRATE, "64k")));
    infra.kubernetes.resources(VideoConversion.class).inNamespace(Infrastructure.NAMESPACE).withName(name)
        .editStatus(current -> {
          VideoConversionStatus status = new VideoConversionStatus();
          status.setPhase(Phase.Succeeded);
          status.setProgress(100);
          status.setStartedAt(Instant.now().minusSeconds(5).toString());
          status.setCompletedAt(Instant.now().toString());
          status.setOutput(new ConversionOutput(uid, (long) mp3.length, 2.0, "64k"));
          current.setStatus(status);
          return current;
        });
    return uid;
  }
}
