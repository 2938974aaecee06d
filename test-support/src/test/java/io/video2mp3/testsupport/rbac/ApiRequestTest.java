package io.video2mp3.testsupport.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  private static Optional<ApiRequest> of(String method, String url) {
    return ApiRequest.of(method, URI.create("https://127.0.0.1:6443" + url));
  }

  @Test
  void namedGetIsGetAndCollectionGetIsList() {
    assertThat(of("GET", "/api/v1/namespaces/media/pods/p1"))
        .contains(new ApiRequest("get", "", "pods", "", "media"));
    assertThat(of("GET", "/apis/batch/v1/namespaces/media/jobs?labelSelector=a%3Db"))
        .contains(new ApiRequest("list", "batch", "jobs", "", "media"));
  }

  @Test
  void watchByQueryOrByThePathPrefix() {
    assertThat(of("GET", "/apis/video2mp3.io/v1alpha1/namespaces/media/videoconversions?resourceVersion=1&watch=true"))
        .contains(new ApiRequest("watch", "video2mp3.io", "videoconversions", "", "media"));
    assertThat(of("GET", "/api/v1/watch/namespaces/media/pods"))
        .contains(new ApiRequest("watch", "", "pods", "", "media"));
  }

  @Test
  void writesBySubresource() {
    assertThat(of("PATCH", "/apis/video2mp3.io/v1alpha1/namespaces/media/videoconversions/vc-1/status"))
        .contains(new ApiRequest("patch", "video2mp3.io", "videoconversions", "status", "media"));
    assertThat(of("PUT", "/apis/coordination.k8s.io/v1/namespaces/media/leases/op"))
        .contains(new ApiRequest("update", "coordination.k8s.io", "leases", "", "media"));
    assertThat(of("POST", "/api/v1/namespaces/media/events"))
        .contains(new ApiRequest("create", "", "events", "", "media"));
  }

  @Test
  void deleteOfANameOrOfACollection() {
    assertThat(of("DELETE", "/apis/batch/v1/namespaces/media/jobs/j1"))
        .contains(new ApiRequest("delete", "batch", "jobs", "", "media"));
    assertThat(of("DELETE", "/apis/batch/v1/namespaces/media/jobs?labelSelector=x"))
        .contains(new ApiRequest("deletecollection", "batch", "jobs", "", "media"));
  }

  @Test
  void clusterScopedAndAllNamespaceRequestsHaveNoNamespace() {
    assertThat(of("GET", "/apis/video2mp3.io/v1alpha1/videoconversions?watch=true"))
        .contains(new ApiRequest("watch", "video2mp3.io", "videoconversions", "", null));
    assertThat(of("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"))
        .contains(new ApiRequest("create", "apiextensions.k8s.io", "customresourcedefinitions", "", null));
  }

  @Test
  void aNamespaceItselfAndItsSubresources() {
    assertThat(of("GET", "/api/v1/namespaces/media"))
        .contains(new ApiRequest("get", "", "namespaces", "", "media"));
    assertThat(of("PUT", "/api/v1/namespaces/media/finalize"))
        .contains(new ApiRequest("update", "", "namespaces", "finalize", "media"));
    assertThat(of("POST", "/api/v1/namespaces"))
        .contains(new ApiRequest("create", "", "namespaces", "", null));
  }

  @Test
  void discoveryAndVersionAreNoResourceRequests() {
    assertThat(of("GET", "/version")).isEmpty();
    assertThat(of("GET", "/api")).isEmpty();
    assertThat(of("GET", "/apis")).isEmpty();
    assertThat(of("GET", "/apis/video2mp3.io/v1alpha1")).isEmpty();
    assertThat(of("GET", "/api/v1")).isEmpty();
  }

  @Test
  void targetNamesTheGroupUnlessCore() {
    assertThat(new ApiRequest("get", "", "pods", "log", "ns").target()).isEqualTo("pods/log");
    assertThat(new ApiRequest("patch", "coordination.k8s.io", "leases", "", "ns").target())
        .isEqualTo("coordination.k8s.io/leases");
  }
}
