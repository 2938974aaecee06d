package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;

/** Conversions for unit tests. */
public final class TestConversions {

  public static final JobSettings JOB_SETTINGS = new JobSettings("registry/video2mp3-operator:1.0", "IfNotPresent",
      "mongo-secret", "MONGODB_URI", "250m", "256Mi", "2", "1Gi", 600, "2Gi");
  /** The settings of a namespace without a ConversionPlatform, from {@link #JOB_SETTINGS}. */
  public static final ConversionSettings SETTINGS = new ConversionSettings(4, JOB_SETTINGS.image(),
      JOB_SETTINGS.ttlSecondsAfterFinished(), 7);

  private TestConversions() {
  }

  public static VideoConversion upload(String name, String fileId) {
    VideoConversion vc = new VideoConversion();
    vc.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("media").withUid("uid-" + name)
        .withGeneration(1L).build());
    VideoConversionSpec spec = new VideoConversionSpec(Source.upload(fileId, "talk.mp4"), OutputSpec.mp3("128k"),
        new Owner("alice", "alice@example.com"));
    spec.setRetries(3);
    spec.setTimeoutSeconds(900);
    vc.setSpec(spec);
    return vc;
  }
}
