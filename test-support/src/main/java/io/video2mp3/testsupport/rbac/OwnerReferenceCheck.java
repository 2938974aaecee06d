package io.video2mp3.testsupport.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What admission plugin OwnerReferencesPermissionEnforcement (on in OpenShift) asks of a write whose
 * object sets {@code blockOwnerDeletion}: {@code update} on the owner's {@code finalizers} subresource.
 * The mock admits anything, so the recorder adds that permission check as if it were a request.
 * The owner's resource is its kind in lower case plus "s" (true of this project's kinds).
 */
final class OwnerReferenceCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WRITES = Set.of("create", "update", "patch");

  private OwnerReferenceCheck() {
  }

  static List<ApiRequest> required(ApiRequest write, String body) {
    List<ApiRequest> checks = new ArrayList<>();
    if (!WRITES.contains(write.verb()) || body == null || !body.contains("blockOwnerDeletion")) {
      return checks;
    }
    JsonNode object;
    try {
      object = JSON.readTree(body);
    } catch (IOException e) {
      return checks; // a JSON patch array or no JSON: no owner references to check
    }
    for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
      if (owner.path("blockOwnerDeletion").asBoolean(false)) {
        String apiVersion = owner.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String resource = owner.path("kind").asText().toLowerCase(Locale.ROOT) + "s";
        checks.add(new ApiRequest("update", group, resource, "finalizers", write.namespace()));
      }
    }
    return checks;
  }
}
