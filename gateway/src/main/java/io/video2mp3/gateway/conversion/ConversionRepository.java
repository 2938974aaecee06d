package io.video2mp3.gateway.conversion;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.gateway.config.GatewaySettings;
import io.video2mp3.gateway.error.DependencyUnavailableException;
import io.video2mp3.gateway.error.DependencyUnavailableException.Dependency;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** VideoConversions in the conversions namespace; any API failure is a 503 naming Kubernetes. */
@Component
public class ConversionRepository {

  /** Lets {@code kubectl get vc -l video2mp3.io/owner=alice} find a user's conversions. */
  public static final String OWNER_LABEL = "video2mp3.io/owner";

  private final KubernetesClient client;
  private final String namespace;

  public ConversionRepository(KubernetesClient client, GatewaySettings settings) {
    this.client = client;
    this.namespace = settings.conversionsNamespace();
  }

  public String namespace() {
    return namespace;
  }

  /** Creates the resource; one that already exists (the operator was faster) counts as created. */
  public void create(String name, VideoConversionSpec spec) {
    VideoConversion conversion = new VideoConversion();
    conversion.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Map.of(OWNER_LABEL, spec.getOwner().username()))
        .build());
    conversion.setSpec(spec);
    try {
      resources().resource(conversion).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  public Optional<VideoConversion> find(String name) {
    try {
      return Optional.ofNullable(resources().withName(name).get());
    } catch (KubernetesClientException e) {
      throw unavailable(e);
    }
  }

  public List<VideoConversion> list() {
    try {
      return resources().list().getItems();
    } catch (KubernetesClientException e) {
      throw unavailable(e);
    }
  }

  public void delete(String name) {
    try {
      resources().withName(name).delete();
    } catch (KubernetesClientException e) {
      throw unavailable(e);
    }
  }

  private NonNamespaceOperation<VideoConversion, KubernetesResourceList<VideoConversion>, Resource<VideoConversion>> resources() {
    return client.resources(VideoConversion.class).inNamespace(namespace);
  }

  private static DependencyUnavailableException unavailable(KubernetesClientException e) {
    return new DependencyUnavailableException(Dependency.KUBERNETES,
        e.getCode() > 0 ? "the API server answered HTTP " + e.getCode() : "no answer from the API server", e);
  }
}
