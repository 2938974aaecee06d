package io.video2mp3.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated ConversionPlatform CRD: names, columns, defaults and the validation the API server applies. */
class ConversionPlatformCrdTest {

  private static final Path GENERATED = Path.of("target", "crds", ConversionPlatform.CRD_NAME + "-v1.yml");

  @Test
  void namesAndStatusSubresource() throws IOException {
    assertThat(crd().getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd().getSpec().getNames().getKind()).isEqualTo("ConversionPlatform");
    assertThat(crd().getSpec().getNames().getShortNames()).containsExactly("cp");
    assertThat(crd().getSpec().getNames().getCategories()).containsExactly("video2mp3");
    assertThat(version().getName()).isEqualTo("v1alpha1");
    assertThat(version().getSubresources().getStatus()).isNotNull();
  }

  @Test
  void printerColumnsAreInReadingOrder() throws IOException {
    assertThat(version().getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("MONGODB", "RABBITMQ", "SECRET", "AGE");
  }

  @Test
  void everyPartDefaultsSoAnEmptySpecIsAPlatform() throws IOException {
    JSONSchemaProps spec = spec();
    for (String part : new String[] {"mongodb", "rabbitmq", "conversions"}) {
      assertThat(spec.getProperties().get(part).getDefault()).as(part).hasToString("{}");
    }
    JSONSchemaProps mongodb = spec.getProperties().get("mongodb");
    assertThat(mongodb.getProperties().get("replicas").getDefault()).hasToString("3");
    assertThat(mongodb.getProperties().get("replicas").getMinimum()).isEqualTo(1.0);
    assertThat(mongodb.getProperties().get("image").getDefault()).hasToString("\"mongo:7.0\"");
    assertThat(mongodb.getProperties().get("resources").getProperties()).containsKeys("requests", "limits");
    JSONSchemaProps rabbitmq = spec.getProperties().get("rabbitmq");
    assertThat(rabbitmq.getProperties().get("replicas").getDefault()).hasToString("3");
    assertThat(rabbitmq.getProperties().get("replicas").getMinimum()).isEqualTo(1.0);
    JSONSchemaProps conversions = spec.getProperties().get("conversions");
    assertThat(conversions.getProperties().get("maxConcurrentJobs").getDefault()).hasToString("4");
    assertThat(conversions.getProperties().get("maxConcurrentJobs").getMinimum()).isEqualTo(1.0);
    assertThat(conversions.getProperties().get("jobTTLSecondsAfterFinished").getMinimum()).isEqualTo(0.0);
    assertThat(conversions.getProperties().get("retentionDays").getMinimum()).isEqualTo(1.0);
  }

  @Test
  void storageMustBeAQuantity() throws IOException {
    for (String part : new String[] {"mongodb", "rabbitmq"}) {
      String regex = spec().getProperties().get(part).getProperties().get("storage").getPattern();
      Pattern pattern = Pattern.compile(regex);
      assertThat(pattern.matcher("10Gi").matches()).isTrue();
      assertThat(pattern.matcher("500M").matches()).isTrue();
      assertThat(pattern.matcher("1Ti").matches()).isTrue();
      assertThat(pattern.matcher("10 GB").matches()).isFalse();
      assertThat(pattern.matcher("0Gi").matches()).isFalse();
      assertThat(pattern.matcher("lots").matches()).isFalse();
      assertThat(pattern.matcher("").matches()).isFalse();
    }
  }

  @Test
  void statusCarriesMembersAndTheConnectionSecret() throws IOException {
    JSONSchemaProps status = version().getSchema().getOpenAPIV3Schema().getProperties().get("status");
    assertThat(status.getProperties()).containsKeys("conditions", "observedGeneration", "mongodb", "rabbitmq",
        "connectionSecret");
    assertThat(status.getProperties().get("mongodb").getProperties()).containsKeys("members", "readyMembers");
  }

  private static JSONSchemaProps spec() throws IOException {
    return version().getSchema().getOpenAPIV3Schema().getProperties().get("spec");
  }

  private static CustomResourceDefinition crd() throws IOException {
    return Serialization.unmarshal(Files.readString(GENERATED), CustomResourceDefinition.class);
  }

  private static CustomResourceDefinitionVersion version() throws IOException {
    return crd().getSpec().getVersions().get(0);
  }
}
