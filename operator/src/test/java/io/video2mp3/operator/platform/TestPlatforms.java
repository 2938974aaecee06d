package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import java.util.Random;

/** Platforms as the API server hands them to the reconciler (uid and generation set). */
final class TestPlatforms {

  static final String NS = "media";

  private TestPlatforms() {
  }

  static ConversionPlatform platform(String name, ConversionPlatformSpec spec) {
    ConversionPlatform platform = new ConversionPlatform();
    platform.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).withUid("uid-" + name)
        .withGeneration(1L).build());
    platform.setSpec(spec);
    return platform;
  }

  static ConversionPlatform defaults(String name) {
    return platform(name, new ConversionPlatformSpec());
  }

  static PlatformSecrets secrets(long seed) {
    return new PlatformSecrets(new CredentialGenerator(new Random(seed)));
  }
}
