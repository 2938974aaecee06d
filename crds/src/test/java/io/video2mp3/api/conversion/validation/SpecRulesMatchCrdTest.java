package io.video2mp3.api.conversion.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.conversion.VideoConversion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in CRD schema and the validator apply the same bounds and patterns. */
class SpecRulesMatchCrdTest {

  private static JSONSchemaProps spec() throws IOException {
    CustomResourceDefinition crd = Serialization.unmarshal(
        Files.readString(Path.of(VideoConversion.CRD_NAME + "-v1.yml")), CustomResourceDefinition.class);
    return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
  }

  @Test
  void sourceRules() throws IOException {
    JSONSchemaProps source = spec().getProperties().get("source");
    assertThat(source.getProperties().get("fileId").getPattern()).isEqualTo(SpecRules.FILE_ID_PATTERN);
    assertThat(source.getProperties().get("url").getPattern()).isEqualTo(SpecRules.URL_PATTERN);
    assertThat(source.getProperties().get("url").getMaxLength()).isEqualTo(SpecRules.URL_MAX_LENGTH);
    assertThat(source.getProperties().get("filename").getMaxLength()).isEqualTo(SpecRules.FILENAME_MAX_LENGTH);
  }

  @Test
  void outputOwnerAndLimits() throws IOException {
    JSONSchemaProps spec = spec();
    assertThat(spec.getProperties().get("output").getProperties().get("bitrate").getPattern())
        .isEqualTo(SpecRules.BITRATE_PATTERN);
    JSONSchemaProps owner = spec.getProperties().get("owner");
    assertThat(owner.getRequired()).containsExactlyInAnyOrder("username", "email");
    assertThat(owner.getProperties().get("username").getMinLength()).isEqualTo(SpecRules.USERNAME_MIN_LENGTH);
    assertThat(owner.getProperties().get("username").getMaxLength()).isEqualTo(SpecRules.USERNAME_MAX_LENGTH);
    assertThat(owner.getProperties().get("email").getMinLength()).isEqualTo(SpecRules.EMAIL_MIN_LENGTH);
    assertThat(owner.getProperties().get("email").getMaxLength()).isEqualTo(SpecRules.EMAIL_MAX_LENGTH);
    assertThat(spec.getProperties().get("timeoutSeconds").getMinimum()).isEqualTo(SpecRules.TIMEOUT_MIN_SECONDS);
    assertThat(spec.getProperties().get("timeoutSeconds").getMaximum()).isEqualTo(SpecRules.TIMEOUT_MAX_SECONDS);
    assertThat(spec.getProperties().get("retries").getMinimum()).isEqualTo(SpecRules.RETRIES_MIN);
    assertThat(spec.getProperties().get("retries").getMaximum()).isEqualTo(SpecRules.RETRIES_MAX);
  }
}
