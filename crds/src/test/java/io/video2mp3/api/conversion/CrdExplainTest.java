package io.video2mp3.api.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.platform.ConversionPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code kubectl explain} and {@code kubectl get -o wide} show, from the generated CRDs. */
class CrdExplainTest {

  private static CustomResourceDefinition crd(String name) throws IOException {
    return Serialization.unmarshal(Files.readString(Path.of("target", "crds", name + "-v1.yml")),
        CustomResourceDefinition.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {VideoConversion.CRD_NAME, ConversionPlatform.CRD_NAME})
  void everyTypeAndFieldHasADescription(String name) throws IOException {
    List<String> undescribed = new ArrayList<>();
    walk(crd(name).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema(), name, undescribed);
    assertThat(undescribed).as("schema properties without a description").isEmpty();
  }

  /** Each property, and the properties of array items (kubectl explains items through their array). */
  private static void walk(JSONSchemaProps schema, String path, List<String> undescribed) {
    if (schema.getDescription() == null || schema.getDescription().isBlank()) {
      undescribed.add(path);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((field, property) -> walk(property, path + "." + field, undescribed));
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null
        && schema.getItems().getSchema().getProperties() != null) {
      schema.getItems().getSchema().getProperties()
          .forEach((field, property) -> walk(property, path + "[]." + field, undescribed));
    }
  }

  @Test
  void wideOutputAddsJobAttemptsAndMessage() throws IOException {
    List<CustomResourceColumnDefinition> columns =
        crd(VideoConversion.CRD_NAME).getSpec().getVersions().get(0).getAdditionalPrinterColumns();
    assertThat(columns).filteredOn(c -> c.getPriority() == null)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("PHASE", "PROGRESS", "OWNER", "SIZE", "AGE");
    assertThat(columns).filteredOn(c -> Integer.valueOf(1).equals(c.getPriority()))
        .extracting(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("JOB", ".status.jobName"),
            org.assertj.core.groups.Tuple.tuple("ATTEMPTS", ".status.attempts"),
            org.assertj.core.groups.Tuple.tuple("MESSAGE", ".status.message"));
  }
}
