package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kubectl asks of an API server beyond the mock's CRUD: pod logs, lists by field selector (events
 * of an object, for describe), the selector a real server defaults on every Job (for logs job/...),
 * and a JSON content type on every JSON answer (kubectl takes an untyped body for protobuf).
 */
final class KubectlRequests {

  private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");
  private static final Pattern JOBS = Pattern.compile("/apis/batch/v1/(namespaces/[^/]+/)?jobs(/[^/]+)?");

  private final ObjectMapper mapper;
  private final Function<String, MockResponse> get;
  private volatile PodLogs podLogs;

  /** @param get the mock's own GET of a path (with its query) */
  KubectlRequests(ObjectMapper mapper, Function<String, MockResponse> get) {
    this.mapper = mapper;
    this.get = get;
  }

  void podLogsIn(java.nio.file.Path workDir) {
    this.podLogs = new PodLogs(workDir);
  }

  /** An answer the mock cannot give, for a GET of {@code path} with {@code query} (without '?'). */
  Optional<MockResponse> answer(String path, String query) throws IOException {
    Map<String, String> params = params(query);
    Matcher log = POD_LOG.matcher(path);
    if (log.matches()) {
      return Optional.of(podLog(log.group(1), log.group(2), params));
    }
    String selector = params.get("fieldSelector");
    if (selector != null && !selector.isBlank() && !"true".equals(params.get("watch"))) {
      String labels = params.containsKey("labelSelector")
          ? "?labelSelector=" + java.net.URLEncoder.encode(params.get("labelSelector"), StandardCharsets.UTF_8) : "";
      MockResponse all = get.apply(path + labels);
      if (all.code() != 200) {
        return Optional.of(all);
      }
      JsonNode list = mapper.readTree(LocalDispatcher.body(all));
      if (list.path("items").isArray()) {
        FieldSelector fields = FieldSelector.parse(selector);
        ObjectNode filtered = list.deepCopy();
        filtered.putArray("items").addAll(LocalDispatcher.iterable(list.path("items")).stream()
            .filter(fields::matches).toList());
        typeList(filtered);
        return Optional.of(json(filtered));
      }
    }
    return Optional.empty();
  }

  /** The mock's answer as a real server gives it. */
  MockResponse adjust(String method, String path, MockResponse response) throws IOException {
    if (response == null || response.getBody() == null) {
      return response;
    }
    String body = LocalDispatcher.body(response);
    if ("GET".equalsIgnoreCase(method) && response.code() == 200 && body.startsWith("{\"apiVersion\"")
        && (body.contains("\"kind\":\"List\"") || JOBS.matcher(path).matches())) {
      JsonNode node = mapper.readTree(body);
      if (node.has("items")) {
        node.path("items").forEach(KubectlRequests::defaultSelector);
        typeList((ObjectNode) node);
      } else {
        defaultSelector(node);
      }
      return json(node).setResponseCode(response.code());
    }
    if (response.header("Content-Type") == null && (body.startsWith("{") || body.startsWith("["))) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  /** The mock calls every list "List"; typed clients (kubectl logs) want "PodList" and the like. */
  private static void typeList(ObjectNode list) {
    JsonNode first = list.path("items").path(0);
    if ("List".equals(list.path("kind").asText()) && first.hasNonNull("kind")) {
      list.put("kind", first.path("kind").asText() + "List");
    }
  }

  /** A real server selects a Job's pods by its uid (the local Job runner labels them so). */
  private static void defaultSelector(JsonNode job) {
    if (job instanceof ObjectNode object && "Job".equals(object.path("kind").asText())
        && !object.path("spec").has("selector") && object.path("spec").isObject()) {
      ((ObjectNode) object.path("spec")).putObject("selector").putObject("matchLabels")
          .put("batch.kubernetes.io/controller-uid", object.path("metadata").path("uid").asText());
    }
  }

  private MockResponse podLog(String namespace, String pod, Map<String, String> params) throws IOException {
    MockResponse found = get.apply("/api/v1/namespaces/" + namespace + "/pods/" + pod);
    if (found.code() != 200) {
      return found;
    }
    Optional<Integer> tail = Optional.ofNullable(params.get("tailLines")).map(Integer::valueOf);
    String text = podLogs == null ? "" : podLogs.read(namespace, pod, tail);
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain; charset=utf-8").setBody(text);
  }

  private MockResponse json(JsonNode node) throws IOException {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(mapper.writeValueAsString(node));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
