package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.platform.ConversionPlatform;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels, owner reference and metadata of everything a platform owns. */
public final class PlatformLabels {

  public static final String PLATFORM = VideoConversion.GROUP + "/platform";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "video2mp3-operator";
  /** Equality selector of the operator's informers (the mock API server ignores set-based ones). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;
  public static final String MONGODB = "mongodb";
  public static final String RABBITMQ = "rabbitmq";

  private PlatformLabels() {
  }

  /** The labels a component's pods are selected by; never change them (a StatefulSet's selector is immutable). */
  public static Map<String, String> selector(ConversionPlatform platform, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", component);
    labels.put("app.kubernetes.io/instance", platform.getMetadata().getName());
    return labels;
  }

  public static Map<String, String> forComponent(ConversionPlatform platform, String component) {
    Map<String, String> labels = selector(platform, component);
    labels.put("app.kubernetes.io/component", component);
    labels.put("app.kubernetes.io/part-of", "video2mp3");
    labels.put(MANAGED_BY, MANAGER);
    labels.put(PLATFORM, platform.getMetadata().getName());
    return labels;
  }

  /** Namespace, labels and the controller reference that lets Kubernetes delete it with the platform. */
  public static ObjectMeta metadata(ConversionPlatform platform, String name, String component) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(platform.getMetadata().getNamespace())
        .withLabels(forComponent(platform, component))
        .withOwnerReferences(owner(platform))
        .build();
  }

  public static OwnerReference owner(ConversionPlatform platform) {
    return new OwnerReferenceBuilder()
        .withApiVersion(platform.getApiVersion())
        .withKind(platform.getKind())
        .withName(platform.getMetadata().getName())
        .withUid(platform.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
