package io.video2mp3.operator.cleanup;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.api.conversion.VideoConversion;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The uids of every VideoConversion that exists now, asked of the API server at the start of each
 * sweep (not the informer cache: a replica that does not lead, or whose cache has not synced, would
 * see none and sweep every MP3). A conversion created after the list cannot own anything older than
 * the sweeper's grace period, so the list is fresh enough.
 */
public final class LiveConversions {

  /** Who exists, and which namespaces the answer covers (empty: all). */
  public record Snapshot(Set<String> uids, Set<String> namespaces) {

    public boolean covers(String namespace) {
      return namespaces.isEmpty() || (namespace != null && namespaces.contains(namespace));
    }

    public boolean coversAll() {
      return namespaces.isEmpty();
    }
  }

  private final KubernetesClient client;
  private final Set<String> namespaces;

  /** @param namespaces the operator's watched namespaces; empty for all */
  public LiveConversions(KubernetesClient client, Set<String> namespaces) {
    this.client = client;
    this.namespaces = Set.copyOf(namespaces);
  }

  /** @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server cannot answer */
  public Snapshot snapshot() {
    var resources = client.resources(VideoConversion.class);
    Stream<VideoConversion> all = namespaces.isEmpty()
        ? resources.inAnyNamespace().list().getItems().stream()
        : namespaces.stream().flatMap(ns -> resources.inNamespace(ns).list().getItems().stream());
    return new Snapshot(all.map(HasMetadata::getMetadata).map(m -> m.getUid()).collect(Collectors.toUnmodifiableSet()),
        namespaces);
  }
}
