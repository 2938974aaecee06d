package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Server-side printing (meta.k8s.io/v1 Table) for kubectl get, as the real API server does it. */
final class Tables {

  private record Column(String name, String type, String jsonPath) {
  }

  private final ObjectMapper mapper;
  private final List<JsonNode> crds;

  Tables(ObjectMapper mapper, List<JsonNode> crds) {
    this.mapper = mapper;
    this.crds = crds;
  }

  ObjectNode table(String resource, String group, JsonNode body) {
    List<JsonNode> objects = new ArrayList<>();
    if (body.has("items")) {
      body.path("items").forEach(objects::add);
    } else {
      objects.add(body);
    }
    ObjectNode table = mapper.createObjectNode();
    table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
    ArrayNode definitions = table.putArray("columnDefinitions");
    ArrayNode rows = table.putArray("rows");
    if (resource.equals("events") && (group.isEmpty() || group.equals("events.k8s.io"))) {
      EventRows.fill(definitions, rows, objects);
      return table;
    }
    List<Column> columns = columns(resource, group);
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
        .put("description", "Name of the resource").put("priority", 0);
    for (Column column : columns) {
      definitions.addObject().put("name", column.name()).put("type", column.type().equals("date") ? "string" : column.type())
          .put("format", "").put("description", column.name()).put("priority", 0);
    }
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (Column column : columns) {
        cells.add(cell(resource, column, object));
      }
      ObjectNode partial = row.putObject("object");
      partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata").deepCopy());
    }
    return table;
  }

  private List<Column> columns(String resource, String group) {
    for (JsonNode crd : crds) {
      if (crd.path("spec").path("names").path("plural").asText().equals(resource)
          && crd.path("spec").path("group").asText().equals(group)) {
        List<Column> columns = new ArrayList<>();
        JsonNode version = crd.path("spec").path("versions").path(0);
        for (JsonNode c : version.path("additionalPrinterColumns")) {
          if (c.path("priority").asInt(0) == 0) {
            columns.add(new Column(c.path("name").asText(), c.path("type").asText("string"), c.path("jsonPath").asText()));
          }
        }
        if (columns.stream().noneMatch(c -> c.jsonPath().equals(".metadata.creationTimestamp"))) {
          columns.add(new Column("Age", "date", ".metadata.creationTimestamp"));
        }
        return columns;
      }
    }
    return switch (resource) {
      case "jobs" -> List.of(new Column("Status", "string", null), new Column("Completions", "string", null),
          new Column("Duration", "string", null), new Column("Age", "date", ".metadata.creationTimestamp"));
      case "pods" -> List.of(new Column("Ready", "string", null), new Column("Status", "string", null),
          new Column("Restarts", "string", null), new Column("Age", "date", ".metadata.creationTimestamp"));
      default -> List.of(new Column("Age", "date", ".metadata.creationTimestamp"));
    };
  }

  private JsonNode cell(String resource, Column column, JsonNode object) {
    if (column.jsonPath() == null) {
      return mapper.getNodeFactory().textNode(builtInCell(resource, column.name(), object));
    }
    JsonNode value = object;
    for (String part : column.jsonPath().replaceFirst("^\\.", "").split("\\.")) {
      value = value.path(part);
    }
    if (value.isMissingNode() || value.isNull()) {
      return mapper.getNodeFactory().nullNode();
    }
    if (column.type().equals("date")) {
      return mapper.getNodeFactory().textNode(age(value.asText()));
    }
    return value;
  }

  private static String builtInCell(String resource, String column, JsonNode object) {
    JsonNode status = object.path("status");
    if (resource.equals("jobs")) {
      return switch (column) {
        case "Status" -> jobStatus(status);
        case "Completions" -> status.path("succeeded").asInt(0) + "/" + object.path("spec").path("completions").asInt(1);
        case "Duration" -> status.hasNonNull("startTime")
            ? human(Duration.between(Instant.parse(status.path("startTime").asText()),
                status.hasNonNull("completionTime") ? Instant.parse(status.path("completionTime").asText()) : Instant.now()))
            : "";
        default -> "";
      };
    }
    return switch (column) {
      case "Ready" -> (status.path("phase").asText().equals("Running") ? "1" : "0") + "/"
          + Math.max(1, object.path("spec").path("containers").size());
      case "Status" -> podStatus(status);
      case "Restarts" -> "0";
      default -> "";
    };
  }

  private static String jobStatus(JsonNode status) {
    for (JsonNode condition : status.path("conditions")) {
      if ("True".equals(condition.path("status").asText())
          && ("Complete".equals(condition.path("type").asText()) || "Failed".equals(condition.path("type").asText()))) {
        return condition.path("type").asText();
      }
    }
    return status.path("active").asInt(0) > 0 ? "Running" : "Pending";
  }

  private static String podStatus(JsonNode status) {
    for (JsonNode container : status.path("containerStatuses")) {
      JsonNode terminated = container.path("state").path("terminated");
      if (!terminated.isMissingNode() && terminated.hasNonNull("reason")) {
        return terminated.path("reason").asText();
      }
      JsonNode waiting = container.path("state").path("waiting");
      if (!waiting.isMissingNode() && waiting.hasNonNull("reason")) {
        return waiting.path("reason").asText();
      }
    }
    return status.path("phase").asText("Pending");
  }

  static String age(String timestamp) {
    try {
      return human(Duration.between(Instant.parse(timestamp), Instant.now()));
    } catch (RuntimeException e) {
      return "<unknown>";
    }
  }

  /** kubectl's short durations: 42s, 5m3s, 3h12m, 4d5h. */
  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    if (s < 86400) {
      return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
    return (s / 86400) + "d" + ((s % 86400) / 3600 == 0 ? "" : ((s % 86400) / 3600) + "h");
  }
}
