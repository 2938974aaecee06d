package io.video2mp3.testsupport.rbac;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every request one component's fabric8 client sends (HTTP and watch WebSockets alike), as
 * RBAC sees it, plus the permission OwnerReferencesPermissionEnforcement checks on writes that set
 * {@code blockOwnerDeletion}. Install one recorder per component: the audit checks a client against one Role.
 */
public final class RequestRecorder implements Interceptor {

  private static final String NAME = "video2mp3-rbac-recorder";

  private final Set<ApiRequest> requests = ConcurrentHashMap.newKeySet();

  /** For {@link KubernetesClientBuilder#withHttpClientBuilderConsumer}. */
  public void install(HttpClient.Builder builder) {
    builder.addOrReplaceInterceptor(NAME, this);
  }

  /** A builder for a client whose every request this recorder sees. */
  public KubernetesClientBuilder clientBuilder() {
    return new KubernetesClientBuilder().withHttpClientBuilderConsumer(this::install);
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    ApiRequest.of(request.method(), request.uri()).ifPresent(r -> {
      requests.add(r);
      requests.addAll(OwnerReferenceCheck.required(r, request.bodyString()));
    });
  }

  /** What was recorded so far (a snapshot). */
  public Set<ApiRequest> requests() {
    return Set.copyOf(requests);
  }

  public boolean saw(String verb, String apiGroup, String resource) {
    return requests.stream().anyMatch(r -> r.verb().equals(verb) && r.apiGroup().equals(apiGroup)
        && r.resource().equals(resource) && r.subresource().isEmpty());
  }
}
