package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The legacy (non-aggregated) discovery documents; kubectl falls back to them when it gets plain JSON. */
final class Discovery {

  record Resource(String name, String kind, boolean namespaced, List<String> shortNames, List<String> categories,
      String singular) {
  }

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** Built-in group/version → resources that the platform and kubectl users touch. */
  private static final Map<String, List<Resource>> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put("v1", List.of(
        r("pods", "Pod", true, List.of("po"), List.of("all")),
        r("secrets", "Secret", true, List.of(), List.of()),
        r("configmaps", "ConfigMap", true, List.of("cm"), List.of()),
        r("namespaces", "Namespace", false, List.of("ns"), List.of()),
        r("events", "Event", true, List.of("ev"), List.of()),
        r("services", "Service", true, List.of("svc"), List.of("all")),
        r("serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of()),
        r("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of()),
        r("endpoints", "Endpoints", true, List.of("ep"), List.of())));
    BUILT_IN.put("batch/v1", List.of(
        r("jobs", "Job", true, List.of(), List.of("all")),
        r("cronjobs", "CronJob", true, List.of("cj"), List.of("all"))));
    BUILT_IN.put("apps/v1", List.of(
        r("deployments", "Deployment", true, List.of("deploy"), List.of("all")),
        r("statefulsets", "StatefulSet", true, List.of("sts"), List.of("all")),
        r("replicasets", "ReplicaSet", true, List.of("rs"), List.of("all"))));
    BUILT_IN.put("coordination.k8s.io/v1", List.of(r("leases", "Lease", true, List.of(), List.of())));
    BUILT_IN.put("apiextensions.k8s.io/v1",
        List.of(r("customresourcedefinitions", "CustomResourceDefinition", false, List.of("crd", "crds"), List.of())));
    BUILT_IN.put("policy/v1", List.of(r("poddisruptionbudgets", "PodDisruptionBudget", true, List.of("pdb"), List.of())));
    BUILT_IN.put("rbac.authorization.k8s.io/v1", List.of(
        r("roles", "Role", true, List.of(), List.of()),
        r("rolebindings", "RoleBinding", true, List.of(), List.of()),
        r("clusterroles", "ClusterRole", false, List.of(), List.of()),
        r("clusterrolebindings", "ClusterRoleBinding", false, List.of(), List.of())));
    BUILT_IN.put("networking.k8s.io/v1", List.of(r("ingresses", "Ingress", true, List.of("ing"), List.of())));
  }

  private final ObjectMapper mapper = Serialization.jsonMapper();

  private static Resource r(String name, String kind, boolean namespaced, List<String> shortNames,
      List<String> categories) {
    return new Resource(name, kind, namespaced, shortNames, categories, kind.toLowerCase());
  }

  JsonNode version() {
    ObjectNode v = mapper.createObjectNode();
    v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-video2mp3-local")
        .put("gitCommit", "local").put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "go1.23").put("compiler", "gc").put("platform", "linux/amd64");
    return v;
  }

  JsonNode coreVersions(String serverAddress) {
    ObjectNode v = mapper.createObjectNode();
    v.put("kind", "APIVersions");
    v.putArray("versions").add("v1");
    ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
    return v;
  }

  JsonNode groups(List<JsonNode> crds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    BUILT_IN.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv ->
        groups.computeIfAbsent(gv.substring(0, gv.indexOf('/')), g -> new ArrayList<>()).add(gv.substring(gv.indexOf('/') + 1)));
    for (JsonNode crd : crds) {
      String group = crd.path("spec").path("group").asText();
      for (JsonNode version : crd.path("spec").path("versions")) {
        if (version.path("served").asBoolean(true)) {
          List<String> versions = groups.computeIfAbsent(group, g -> new ArrayList<>());
          if (!versions.contains(version.path("name").asText())) {
            versions.add(version.path("name").asText());
          }
        }
      }
    }
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode items = list.putArray("groups");
    groups.forEach((group, versions) -> {
      ObjectNode g = items.addObject();
      g.put("name", group);
      ArrayNode vs = g.putArray("versions");
      versions.forEach(v -> vs.addObject().put("groupVersion", group + "/" + v).put("version", v));
      g.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0)).put("version", versions.get(0));
    });
    return list;
  }

  /** The APIResourceList of /api/v1 or /apis/group/version, or empty if the path is not a discovery path. */
  Optional<JsonNode> resources(String path, List<JsonNode> crds) {
    String groupVersion;
    if (path.equals("/api/v1")) {
      groupVersion = "v1";
    } else if (path.startsWith("/apis/") && path.substring(6).split("/").length == 2) {
      groupVersion = path.substring(6);
    } else if (path.startsWith("/apis/") && path.substring(6).split("/").length == 1) {
      return Optional.of(group(path.substring(6), crds));
    } else {
      return Optional.empty();
    }
    List<Resource> resources = new ArrayList<>(BUILT_IN.getOrDefault(groupVersion, List.of()));
    for (JsonNode crd : crds) {
      for (JsonNode version : crd.path("spec").path("versions")) {
        if ((crd.path("spec").path("group").asText() + "/" + version.path("name").asText()).equals(groupVersion)) {
          JsonNode names = crd.path("spec").path("names");
          resources.add(new Resource(names.path("plural").asText(), names.path("kind").asText(),
              "Namespaced".equals(crd.path("spec").path("scope").asText()), strings(names.path("shortNames")),
              strings(names.path("categories")), names.path("singular").asText()));
        }
      }
    }
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
    ArrayNode items = list.putArray("resources");
    for (Resource resource : resources) {
      ObjectNode item = items.addObject();
      item.put("name", resource.name()).put("singularName", resource.singular())
          .put("namespaced", resource.namespaced()).put("kind", resource.kind());
      ArrayNode verbs = item.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!resource.shortNames().isEmpty()) {
        ArrayNode shortNames = item.putArray("shortNames");
        resource.shortNames().forEach(shortNames::add);
      }
      if (!resource.categories().isEmpty()) {
        ArrayNode categories = item.putArray("categories");
        resource.categories().forEach(categories::add);
      }
      ObjectNode status = items.addObject();
      status.put("name", resource.name() + "/status").put("singularName", "")
          .put("namespaced", resource.namespaced()).put("kind", resource.kind());
      status.putArray("verbs").add("get").add("patch").add("update");
    }
    return Optional.of(list);
  }

  private JsonNode group(String group, List<JsonNode> crds) {
    JsonNode all = groups(crds);
    for (JsonNode g : all.path("groups")) {
      if (g.path("name").asText().equals(group)) {
        ObjectNode copy = ((ObjectNode) g).deepCopy();
        copy.put("kind", "APIGroup").put("apiVersion", "v1");
        return copy;
      }
    }
    return mapper.createObjectNode().put("kind", "Status").put("code", 404);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** {@code /api/v1/namespaces/ns/pods/x} → pods; {@code /apis/g/v/jobs} → jobs; null for other paths. */
  static String resourceOfPath(String path) {
    String[] segments = versionRelative(path);
    if (segments == null || segments.length == 0) {
      return null;
    }
    if (segments[0].equals("namespaces") && segments.length >= 3) {
      return segments.length > 4 ? null : segments[2];
    }
    return segments.length > 2 ? null : segments[0];
  }

  static String groupOfPath(String path) {
    if (path.startsWith("/api/")) {
      return "";
    }
    String[] parts = path.split("/");
    return parts.length > 2 ? parts[2] : "";
  }

  /** The collection path an object is stored under: /api/v1/namespaces/ns/pods, /apis/g/v/x, ... */
  static String pathOf(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    String namespace = object.path("metadata").path("namespace").asText("");
    String plural = null;
    for (List<Resource> resources : BUILT_IN.values()) {
      for (Resource resource : resources) {
        if (resource.kind().equals(kind)) {
          plural = resource.name();
        }
      }
    }
    if (plural == null) {
      plural = kind.toLowerCase() + (kind.endsWith("s") ? "es" : "s");
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return null;
    }
    String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return base + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/" + plural;
  }

  private static String[] versionRelative(String path) {
    String[] parts = path.replaceFirst("^/", "").split("/");
    if (parts.length >= 2 && parts[0].equals("api")) {
      return java.util.Arrays.copyOfRange(parts, 2, parts.length);
    }
    if (parts.length >= 3 && parts[0].equals("apis")) {
      return java.util.Arrays.copyOfRange(parts, 3, parts.length);
    }
    return null;
  }
}
