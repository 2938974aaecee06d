package io.video2mp3.testsupport.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbacAuditTest {

  /** The operator's Role and binding as manifests/operator.yaml had them before the lease fix. */
  private static final String OLD_OPERATOR = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: video2mp3-operator}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: video2mp3-operator}
      rules:
        - apiGroups: ["video2mp3.io"]
          resources: ["videoconversions"]
          verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
        - apiGroups: ["batch"]
          resources: ["jobs"]
          verbs: ["get", "list", "watch", "create", "delete"]
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          verbs: ["get", "create", "update"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: video2mp3-operator}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: video2mp3-operator}
      subjects: [{kind: ServiceAccount, name: video2mp3-operator}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: video2mp3-operator}
      spec:
        template:
          spec:
            serviceAccountName: video2mp3-operator
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: notifier}
      spec:
        template:
          spec:
            automountServiceAccountToken: false
      """;

  @TempDir
  Path reports;

  private RbacAudit audit(String component, String deployment) throws IOException {
    return new RbacAudit(component, ComponentRoles.of(ComponentRoles.documents(OLD_OPERATOR), deployment), reports);
  }

  private static RequestRecorder recorded(String... requests) {
    RequestRecorder recorder = new RequestRecorder();
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      recorder.before(null, new StandardHttpRequest.Builder().uri(URI.create("https://api" + parts[1]))
          .method(parts[0], "application/json", "{}").build(), null);
    }
    return recorder;
  }

  @Test
  void theOldOperatorRoleFailsOnTheLeaseRenewalNamingTheRule() throws IOException {
    RequestRecorder recorder = recorded(
        "GET /apis/coordination.k8s.io/v1/namespaces/video2mp3/leases/video2mp3-operator",
        "PATCH /apis/coordination.k8s.io/v1/namespaces/video2mp3/leases/video2mp3-operator",
        "POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        "GET /apis/batch/v1/namespaces/video2mp3/jobs?watch=true");

    assertThatThrownBy(() -> audit("operator", "video2mp3-operator").verify(recorder))
        .isInstanceOf(AssertionError.class)
        .hasMessage("operator: missing rule: verbs [patch] on coordination.k8s.io/leases");
  }

  @Test
  void reportsGrantedVerbsThatNoRequestUsed() throws IOException {
    RbacAudit audit = audit("operator", "video2mp3-operator");
    audit.verify(recorded("GET /apis/batch/v1/namespaces/video2mp3/jobs?watch=true",
        "GET /apis/batch/v1/namespaces/video2mp3/jobs"));

    // A later test's requests add to the earlier ones: the report covers the whole run.
    audit.verify(recorded("POST /apis/batch/v1/namespaces/video2mp3/jobs"));

    assertThat(audit.unused(Set.of(new ApiRequest("watch", "batch", "jobs", "", "ns"))))
        .contains("verbs [create, delete, get, list] on batch/jobs");
    assertThat(reports.resolve("operator-unused.txt")).content()
        .contains("verbs [delete, get] on batch/jobs")
        .contains("verbs [create, get, update] on coordination.k8s.io/leases");
  }

  @Test
  void aRoleGrantsNothingAcrossNamespaces() throws IOException {
    assertThat(audit("operator", "video2mp3-operator")
        .missing(Set.of(new ApiRequest("watch", "batch", "jobs", "", null))))
        .containsExactly("operator: missing rule: verbs [watch] on batch/jobs across all namespaces"
            + " (a Role grants nothing outside its namespace)");
  }

  @Test
  void groupsMissingVerbsPerResourceAndSubresource() throws IOException {
    assertThat(audit("operator", "video2mp3-operator").missing(Set.of(
        new ApiRequest("get", "", "pods", "log", "ns"),
        new ApiRequest("update", "video2mp3.io", "videoconversions", "finalizers", "ns"),
        new ApiRequest("patch", "video2mp3.io", "videoconversions", "finalizers", "ns"),
        new ApiRequest("create", "", "events", "", "ns"))))
        .containsExactly(
            "operator: missing rule: verbs [create] on events",
            "operator: missing rule: verbs [get] on pods/log",
            "operator: missing rule: verbs [patch, update] on video2mp3.io/videoconversions/finalizers");
  }

  @Test
  void aComponentWithoutTokenMayDoNothing() throws IOException {
    ComponentRoles notifier = ComponentRoles.of(ComponentRoles.documents(OLD_OPERATOR), "notifier");
    assertThat(notifier.mountsToken()).isFalse();
    assertThat(notifier.serviceAccount()).isEqualTo("default");
    assertThat(audit("notifier", "notifier").missing(Set.of(new ApiRequest("get", "", "secrets", "", "ns"))))
        .containsExactly("notifier: missing rule: verbs [get] on secrets (its pods mount no ServiceAccount token)");
  }
}
