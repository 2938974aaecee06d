package io.video2mp3.api.conversion;

import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.video2mp3.api.platform.ConversionPlatform;
import java.util.Map;

/**
 * Descriptions {@code kubectl explain} shows where the Java types cannot carry them: each resource
 * itself, its spec and status (fields of fabric8's CustomResource), and the fields of Kubernetes
 * types the schema embeds (metav1.Condition, ResourceRequirements). Set only where none is given.
 */
final class SchemaDescriptions implements CRDPostProcessor {

  private static final Map<String, String> RESOURCES = Map.of(
      VideoConversion.CRD_NAME, "One video to turn into an MP3: the operator runs one ffmpeg Job for it and"
          + " records progress and the result on its status.",
      ConversionPlatform.CRD_NAME, "The MongoDB replica set and RabbitMQ cluster of one namespace, provisioned by"
          + " the operator, and the conversion settings of that namespace. One per namespace.");
  private static final Map<String, String> TOP_LEVEL = Map.of(
      "spec", "Desired state, written by the user (or the gateway).",
      "status", "Observed state, written only by the operator.");
  /** By field name, for the fields of the embedded Kubernetes types. */
  private static final Map<String, String> EMBEDDED = Map.ofEntries(
      Map.entry("lastTransitionTime", "Last time the condition changed from one status to another."),
      Map.entry("message", "Human-readable details of the condition."),
      Map.entry("observedGeneration", "The metadata.generation the condition was set for."),
      Map.entry("reason", "Machine-readable, CamelCase reason for the condition's last transition."),
      Map.entry("status", "True, False or Unknown."),
      Map.entry("type", "Type of the condition, CamelCase."),
      Map.entry("claims", "Names of the pod's resource claims this container may use (DynamicResourceAllocation)."),
      Map.entry("name", "Name of a resource claim of the pod."),
      Map.entry("request", "Name of a request within the claim."),
      Map.entry("limits", "Most compute resources allowed, e.g. memory: 1Gi."),
      Map.entry("requests", "Least compute resources required, e.g. cpu: 500m."));

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    if (crd instanceof CustomResourceDefinition definition && RESOURCES.containsKey(definition.getMetadata().getName())) {
      String resource = RESOURCES.get(definition.getMetadata().getName());
      definition.getSpec().getVersions().forEach(version -> {
        JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
        describe(root, resource);
        root.getProperties().forEach((name, property) -> {
          if (TOP_LEVEL.containsKey(name)) {
            describe(property, TOP_LEVEL.get(name));
          }
          describeEmbedded(property);
        });
      });
    }
    return crd;
  }

  private static void describeEmbedded(JSONSchemaProps schema) {
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> {
        if (EMBEDDED.containsKey(name)) {
          describe(property, EMBEDDED.get(name));
        }
        describeEmbedded(property);
      });
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      describeEmbedded(schema.getItems().getSchema());
    }
  }

  private static void describe(JSONSchemaProps schema, String description) {
    if (schema.getDescription() == null || schema.getDescription().isBlank()) {
      schema.setDescription(description);
    }
  }
}
