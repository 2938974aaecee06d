package io.video2mp3.testsupport.rbac;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One request to the API server as RBAC authorizes it: kube-apiserver's RequestInfo (verb, API group,
 * resource, subresource, namespace). {@code namespace} is null for cluster-scoped and all-namespace
 * requests, {@code subresource} is empty when there is none; the core group is {@code ""}.
 */
public record ApiRequest(String verb, String apiGroup, String resource, String subresource, String namespace) {

  /** Subresources of a namespace itself ({@code /api/v1/namespaces/x/status}), not namespaced resources. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** "group/resource[/subresource]", the core group without the prefix, as RBAC messages name it. */
  public String target() {
    String name = subresource.isEmpty() ? resource : resource + "/" + subresource;
    return apiGroup.isEmpty() ? name : apiGroup + "/" + name;
  }

  /** The name a Role's {@code resources} list uses: "resource" or "resource/subresource". */
  public String ruleResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  /**
   * Translates an HTTP request as kube-apiserver does; empty for non-resource requests (discovery,
   * {@code /version}, {@code /healthz}), which every authenticated user may make.
   */
  public static Optional<ApiRequest> of(String method, URI uri) {
    List<String> parts = new ArrayList<>(Arrays.stream(uri.getRawPath().split("/")).filter(s -> !s.isEmpty()).toList());
    int groupVersionLength;
    String group;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      groupVersionLength = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      groupVersionLength = 3;
    } else {
      return Optional.empty();
    }
    parts = parts.subList(groupVersionLength, parts.size());
    boolean watchPath = false;
    if (parts.get(0).equals("watch")) { // the deprecated /watch/ path prefix
      watchPath = true;
      parts = parts.subList(1, parts.size());
    }
    String namespace = null;
    if (parts.size() >= 2 && parts.get(0).equals("namespaces")) {
      namespace = parts.get(1);
      if (parts.size() >= 3 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
        parts = parts.subList(2, parts.size());
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String resource = parts.get(0);
    boolean named = parts.size() >= 2;
    String subresource = parts.size() >= 3 ? parts.get(2) : "";
    String verb = verb(method, named, watchPath || isWatchQuery(uri.getRawQuery()));
    return Optional.of(new ApiRequest(verb, group, resource, subresource, namespace));
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  private static boolean isWatchQuery(String query) {
    if (query == null) {
      return false;
    }
    return Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
  }
}
