package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code kubectl get events} as a real server prints them: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE. */
final class EventRows {

  private static final List<String> COLUMNS = List.of("Last Seen", "Type", "Reason", "Object", "Message");

  private EventRows() {
  }

  static void fill(ArrayNode definitions, ArrayNode rows, List<JsonNode> events) {
    for (String column : COLUMNS) {
      definitions.addObject().put("name", column).put("type", "string").put("format", "")
          .put("description", column).put("priority", 0);
    }
    for (JsonNode event : events) {
      ObjectNode row = rows.addObject();
      JsonNode involved = event.path("involvedObject");
      String last = event.path("lastTimestamp").asText(event.path("eventTime").asText(
          event.path("metadata").path("creationTimestamp").asText("")));
      row.putArray("cells")
          .add(last.isEmpty() ? "<unknown>" : Tables.age(last))
          .add(event.path("type").asText(""))
          .add(event.path("reason").asText(""))
          .add(involved.path("kind").asText("").toLowerCase(java.util.Locale.ROOT) + "/" + involved.path("name").asText(""))
          .add(event.path("message").asText("").strip());
      ObjectNode partial = row.putObject("object");
      partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", event.path("metadata").deepCopy());
    }
  }
}
