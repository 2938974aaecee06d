package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The mock's CRUD dispatcher plus what kubectl needs and the mock lacks: the discovery documents
 * (built from the static built-in list and the CRDs stored in the mock) and server-side printing
 * ({@code as=Table}) so that {@code kubectl get} shows the CRDs' printer columns.
 */
class LocalDispatcher extends KubernetesCrudDispatcher {

  private static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private final ObjectMapper mapper = Serialization.jsonMapper();
  private final Discovery discovery = new Discovery();
  private final OpenApi openApi = new OpenApi(mapper);
  private final KubectlRequests kubectl = new KubectlRequests(mapper, super::handleGet);
  private volatile String serverAddress = "127.0.0.1:0";

  LocalDispatcher() {
    super(List.of());
  }

  /** Every stored object, as JSON, for snapshots. */
  List<String> objects() {
    synchronized (this) {
      return List.copyOf(map.values());
    }
  }

  /**
   * Puts objects back as they were (uid, resourceVersion and timestamps kept, no watch events: nobody
   * watches yet), then moves the resourceVersion counter past them so that new versions never repeat.
   */
  void restore(List<JsonNode> objects) {
    long maxVersion = 0;
    synchronized (this) {
      for (JsonNode object : objects) {
        String path = Discovery.pathOf(object);
        if (path == null) {
          continue;
        }
        String json = object.toString();
        map.put(io.fabric8.mockwebserver.crud.AttributeSet.merge(attributeExtractor.fromPath(path),
            attributeExtractor.fromResource(json)), json);
        try {
          maxVersion = Math.max(maxVersion, Long.parseLong(object.path("metadata").path("resourceVersion").asText("0")));
        } catch (NumberFormatException ignored) {
          // a foreign resourceVersion format: nothing to move past
        }
      }
    }
    while (requestResourceVersion() <= maxVersion) {
      // advance the counter
    }
  }

  /**
   * JSON merge patch (RFC 7386) as the API server does it for custom resources: objects merge key by
   * key, null removes, and anything else, lists included, replaces. The mock merges with Jackson's
   * updating reader, which appends lists: every status patch of the operator then added its
   * conditions again. Strategic merge patches come here too; for them replacing a list is also what
   * the API server does with custom resources (and closer than appending for built-in kinds).
   */
  @Override
  public JsonNode merge(JsonNode current, String patch) throws KubernetesCrudDispatcherException {
    try {
      return mergePatch(current.deepCopy(), mapper.readTree(patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KubernetesCrudDispatcherException("the patch is not JSON: " + e.getOriginalMessage(), 400);
    }
  }

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
    patch.fields().forEachRemaining(field -> {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
      }
    });
    return result;
  }

  /** Where the local Job runner keeps each pod's output (its work dir), for {@code kubectl logs}. */
  void podLogsIn(java.nio.file.Path workDir) {
    kubectl.podLogsIn(workDir);
  }

  void serverAddress(String address) {
    this.serverAddress = address;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String fullPath = request.getPath();
    String path = fullPath.contains("?") ? fullPath.substring(0, fullPath.indexOf('?')) : fullPath;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if ("GET".equalsIgnoreCase(request.getMethod())) {
      Optional<JsonNode> document = discoveryDocument(path);
      if (document.isPresent()) {
        return json(200, document.get());
      }
      Optional<JsonNode> openApiDocument = openApi.document(path, crds());
      if (openApiDocument.isPresent()) {
        return json(200, openApiDocument.get());
      }
      if (path.startsWith("/openapi") || path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
        return path.startsWith("/openapi") ? status(404, "NotFound", "local mode serves OpenAPI v3 of the custom resources only")
            : new MockResponse().setResponseCode(200).setBody("ok");
      }
    }
    try {
      if ("GET".equalsIgnoreCase(request.getMethod())) {
        Optional<MockResponse> extra = kubectl.answer(path, fullPath.contains("?") ? fullPath.substring(fullPath.indexOf('?') + 1) : null);
        if (extra.isPresent()) {
          return tableIfAsked(request, fullPath, path, extra.get());
        }
      }
      MockResponse response = tableIfAsked(request, fullPath, path, super.dispatch(request));
      return kubectl.adjust(request.getMethod(), path, response);
    } catch (java.io.IOException | IllegalArgumentException e) {
      return status(400, "BadRequest", e.getMessage());
    }
  }

  private MockResponse tableIfAsked(RecordedRequest request, String fullPath, String path, MockResponse response) {
    String accept = request.getHeader("Accept");
    if ("GET".equalsIgnoreCase(request.getMethod()) && accept != null && accept.contains("as=Table")
        && !fullPath.contains("watch=true") && response != null && response.code() == 200) {
      return tableOf(path, response);
    }
    return response;
  }

  private Optional<JsonNode> discoveryDocument(String path) {
    switch (path) {
      case "/version":
        return Optional.of(discovery.version());
      case "/api":
        return Optional.of(discovery.coreVersions(serverAddress));
      case "/apis":
        return Optional.of(discovery.groups(crds()));
      default:
        return discovery.resources(path, crds());
    }
  }

  private List<JsonNode> crds() {
    MockResponse response = super.handleGet(CRDS_PATH);
    try {
      JsonNode list = mapper.readTree(body(response));
      return list.path("items").isArray() ? List.copyOf(iterable(list.path("items"))) : List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  private MockResponse tableOf(String path, MockResponse response) {
    try {
      JsonNode body = mapper.readTree(body(response));
      String resource = Discovery.resourceOfPath(path);
      if (resource == null) {
        return response;
      }
      ObjectNode table = new Tables(mapper, crds()).table(resource, Discovery.groupOfPath(path), body);
      return json(200, table);
    } catch (Exception e) {
      return response;
    }
  }

  static String body(MockResponse response) {
    return response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private MockResponse json(int code, JsonNode node) {
    try {
      return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
          .setBody(mapper.writeValueAsString(node));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private MockResponse status(int code, String reason, String message) {
    ObjectNode status = mapper.createObjectNode();
    status.put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
        .put("message", message).put("reason", reason).put("code", code);
    status.putObject("metadata");
    return json(code, status);
  }

  static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    if (array instanceof ArrayNode a) {
      a.forEach(out::add);
    }
    return out;
  }
}
