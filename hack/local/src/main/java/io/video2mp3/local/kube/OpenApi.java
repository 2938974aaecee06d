package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * OpenAPI v3 for {@code kubectl explain}, built from the stored CRDs' schemas: the index at
 * {@code /openapi/v3} and one document per group-version, as a real API server serves them.
 * Built-in kinds have no schema here; explain names only the custom resources.
 */
final class OpenApi {

  private static final String ROOT = "/openapi/v3";
  private static final String PREFIX = ROOT + "/apis/";

  private final ObjectMapper mapper;

  OpenApi(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The document at {@code path} (without its query), if it is one of these. */
  Optional<JsonNode> document(String path, List<JsonNode> crds) {
    if (path.equals(ROOT)) {
      ObjectNode index = mapper.createObjectNode();
      ObjectNode paths = index.putObject("paths");
      for (JsonNode crd : crds) {
        for (JsonNode version : crd.path("spec").path("versions")) {
          String groupVersion = crd.path("spec").path("group").asText() + "/" + version.path("name").asText();
          paths.putObject("apis/" + groupVersion).put("serverRelativeURL", PREFIX + groupVersion + "?hash="
              + Integer.toHexString(crd.path("metadata").path("resourceVersion").asText().hashCode()));
        }
      }
      return Optional.of(index);
    }
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] groupVersion = path.substring(PREFIX.length()).split("/");
    if (groupVersion.length != 2) {
      return Optional.empty();
    }
    ObjectNode schemas = mapper.createObjectNode();
    ObjectNode paths = mapper.createObjectNode();
    for (JsonNode crd : crds) {
      if (!crd.path("spec").path("group").asText().equals(groupVersion[0])) {
        continue;
      }
      for (JsonNode version : crd.path("spec").path("versions")) {
        if (version.path("name").asText().equals(groupVersion[1]) && version.path("schema").has("openAPIV3Schema")) {
          String kind = crd.path("spec").path("names").path("kind").asText();
          ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
          schema.putArray("x-kubernetes-group-version-kind").addObject()
              .put("group", groupVersion[0]).put("version", groupVersion[1]).put("kind", kind);
          schemas.set(reversed(groupVersion[0]) + "." + groupVersion[1] + "." + kind, schema);
          // kubectl explain finds the kind of a resource through the GET operation of its path.
          String plural = crd.path("spec").path("names").path("plural").asText();
          String scope = "Namespaced".equals(crd.path("spec").path("scope").asText()) ? "namespaces/{namespace}/" : "";
          paths.putObject("/apis/" + groupVersion[0] + "/" + groupVersion[1] + "/" + scope + plural).putObject("get")
              .putObject("x-kubernetes-group-version-kind")
              .put("group", groupVersion[0]).put("version", groupVersion[1]).put("kind", kind);
        }
      }
    }
    if (schemas.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode document = mapper.createObjectNode();
    document.put("openapi", "3.0.0");
    document.putObject("info").put("title", "video2mp3 local API").put("version", "v1");
    document.set("paths", paths);
    document.putObject("components").set("schemas", schemas);
    return Optional.of(document);
  }

  /** video2mp3.io becomes io.video2mp3, as the API server names schemas. */
  private static String reversed(String group) {
    List<String> parts = new java.util.ArrayList<>(List.of(group.split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts);
  }
}
