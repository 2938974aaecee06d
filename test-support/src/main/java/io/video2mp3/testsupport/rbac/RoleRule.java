package io.video2mp3.testsupport.rbac;

import java.util.List;

/** One rule of a Role, as written in the manifests. */
public record RoleRule(List<String> apiGroups, List<String> resources, List<String> verbs) {

  public RoleRule {
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    verbs = List.copyOf(verbs);
  }

  /** Whether this rule grants the request (a Role never grants cluster-wide requests). */
  public boolean grants(ApiRequest request) {
    return request.namespace() != null
        && matches(apiGroups, request.apiGroup())
        && (matches(resources, request.ruleResource()) || resources.contains(request.resource() + "/*"))
        && matches(verbs, request.verb());
  }

  private static boolean matches(List<String> values, String value) {
    return values.contains(value) || values.contains("*");
  }
}
