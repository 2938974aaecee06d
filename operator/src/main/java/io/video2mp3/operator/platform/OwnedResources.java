package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.platform.ConversionPlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and updates the objects a platform owns with plain create/update calls (no server-side
 * apply, see DESIGN's known traps). An object is updated only when what the builders make of it
 * changed, recorded as a hash in an annotation: comparing with the live object would see every
 * default the API server fills in as a change and update on every reconcile.
 */
public class OwnedResources {

  public static final String DESIRED_HASH = VideoConversion.GROUP + "/desired-hash";
  private static final Logger LOG = LoggerFactory.getLogger(OwnedResources.class);

  private final KubernetesClient client;

  public OwnedResources(KubernetesClient client) {
    this.client = client;
  }

  /** The live object of this kind and name, if any; one owned by someone else is refused. */
  public <T extends HasMetadata> Optional<T> get(ConversionPlatform platform, T desired) {
    T existing = client.resource(desired).get();
    if (existing != null && !controlledBy(existing, platform)) {
      throw new IllegalStateException(desired.getKind() + " " + desired.getMetadata().getName()
          + " exists and does not belong to ConversionPlatform " + platform.getMetadata().getName()
          + "; delete or rename it");
    }
    return Optional.ofNullable(existing);
  }

  /** Makes the live object what the builders say, and returns the live object (with its status). */
  public <T extends HasMetadata> T apply(ConversionPlatform platform, T desired) {
    String hash = hash(desired);
    if (desired.getMetadata().getAnnotations() == null) {
      desired.getMetadata().setAnnotations(new HashMap<>());
    }
    desired.getMetadata().getAnnotations().put(DESIRED_HASH, hash);
    Optional<T> existing = get(platform, desired);
    if (existing.isEmpty()) {
      try {
        T created = client.resource(desired).create();
        LOG.info("created {} {}/{}", desired.getKind(), desired.getMetadata().getNamespace(),
            desired.getMetadata().getName());
        return created;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        // Created meanwhile (a previous reconcile whose answer was lost): compare with it instead.
        existing = get(platform, desired);
        if (existing.isEmpty()) {
          throw e;
        }
      }
    }
    T live = existing.get();
    if (hash.equals(annotation(live))) {
      return live;
    }
    desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
    if (desired instanceof StatefulSet set && live instanceof StatefulSet liveSet) {
      // The API server refuses to change claim templates; a new size applies to new members only
      // after the existing claims are resized by hand.
      set.getSpec().setVolumeClaimTemplates(liveSet.getSpec().getVolumeClaimTemplates());
    }
    T updated = client.resource(desired).update();
    LOG.info("updated {} {}/{}", desired.getKind(), desired.getMetadata().getNamespace(),
        desired.getMetadata().getName());
    return updated;
  }

  /**
   * For generated Secrets: {@code build} gets the live Secret, if any, and must keep its values
   * (see {@link PlatformSecrets}); the Secret is created, or updated when keys were added.
   */
  public Secret ensureSecret(ConversionPlatform platform, String name, Function<Optional<Secret>, Secret> build) {
    Secret live = client.secrets().inNamespace(platform.getMetadata().getNamespace()).withName(name).get();
    if (live != null && !controlledBy(live, platform)) {
      throw new IllegalStateException("Secret " + name + " exists and does not belong to ConversionPlatform "
          + platform.getMetadata().getName() + "; delete or rename it");
    }
    Optional<Secret> existing = Optional.ofNullable(live);
    Secret desired = build.apply(existing);
    if (existing.isEmpty()) {
      Secret created = client.resource(desired).create();
      LOG.info("created Secret {}/{}", desired.getMetadata().getNamespace(), desired.getMetadata().getName());
      return created;
    }
    if (Objects.equals(live.getData(), desired.getData())) {
      return live;
    }
    desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
    LOG.info("added missing keys to Secret {}/{}", desired.getMetadata().getNamespace(),
        desired.getMetadata().getName());
    return client.resource(desired).update();
  }

  static boolean controlledBy(HasMetadata object, ConversionPlatform platform) {
    return Optional.ofNullable(object.getMetadata().getOwnerReferences()).orElse(List.of()).stream()
        .filter(ref -> Boolean.TRUE.equals(ref.getController()))
        .map(OwnerReference::getUid)
        .anyMatch(uid -> uid.equals(platform.getMetadata().getUid()));
  }

  private static String annotation(HasMetadata live) {
    return live.getMetadata().getAnnotations() == null ? null : live.getMetadata().getAnnotations().get(DESIRED_HASH);
  }

  static String hash(HasMetadata desired) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Serialization.asJson(desired).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
