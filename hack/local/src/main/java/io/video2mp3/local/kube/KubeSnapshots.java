package io.video2mp3.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mock API's objects across restarts (the mock itself is in memory): a JSON file written
 * periodically and at shutdown, read back at start. CRDs are not kept (the current ones are posted at
 * start), nor Events and Leases (noise and stale locks).
 */
public final class KubeSnapshots {

  private static final Logger LOG = LoggerFactory.getLogger(KubeSnapshots.class);
  private static final Set<String> SKIPPED_KINDS = Set.of("CustomResourceDefinition", "Event", "Lease");

  private final LocalKubeApi api;
  private final Path file;
  private final ObjectMapper mapper = Serialization.jsonMapper();

  public KubeSnapshots(LocalKubeApi api, Path file) {
    this.api = api;
    this.file = file;
  }

  /** Restores the last snapshot, if any; returns how many objects came back. */
  public int restore() {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    try {
      JsonNode array = mapper.readTree(file.toFile());
      List<JsonNode> objects = new ArrayList<>();
      array.forEach(objects::add);
      api.dispatcher().restore(objects);
      return objects.size();
    } catch (IOException e) {
      LOG.warn("ignoring the unreadable Kubernetes snapshot {}: {}", file, e.getMessage());
      return 0;
    }
  }

  public synchronized void save() {
    try {
      ArrayNode array = mapper.createArrayNode();
      for (String json : api.dispatcher().objects()) {
        JsonNode object = mapper.readTree(json);
        if (!SKIPPED_KINDS.contains(object.path("kind").asText())) {
          array.add(object);
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), array);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("could not save the Kubernetes snapshot {}: {}", file, e.getMessage());
    }
  }
}
