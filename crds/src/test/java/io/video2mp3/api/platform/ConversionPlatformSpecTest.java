package io.video2mp3.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** The defaults the operator applies itself when the API server has not (the mock server never does). */
class ConversionPlatformSpecTest {

  @Test
  void anEmptySpecGetsTheSchemaDefaults() {
    ConversionPlatformSpec spec = new ConversionPlatformSpec();
    assertThat(spec.mongodbOrDefaults()).isEqualTo(new MongoDbSpec(3, "mongo:7.0", "10Gi", null));
    assertThat(spec.rabbitmqOrDefaults()).isEqualTo(new RabbitMqSpec(3, "rabbitmq:3.13", "5Gi", null));
    assertThat(spec.conversionsOrDefaults()).isEqualTo(new ConversionsSpec(4, null, 3600, null));
  }

  @Test
  void givenValuesWin() {
    ConversionPlatform platform = Serialization.unmarshal("""
        apiVersion: video2mp3.io/v1alpha1
        kind: ConversionPlatform
        metadata: {name: p}
        spec:
          mongodb: {replicas: 5}
          rabbitmq: {image: "rabbitmq:4.0", storage: 20Gi}
          conversions: {maxConcurrentJobs: 8, retentionDays: 30}
        """, ConversionPlatform.class);
    ConversionPlatformSpec spec = platform.getSpec();
    assertThat(spec.mongodbOrDefaults().replicas()).isEqualTo(5);
    assertThat(spec.mongodbOrDefaults().image()).isEqualTo("mongo:7.0");
    assertThat(spec.rabbitmqOrDefaults()).isEqualTo(new RabbitMqSpec(3, "rabbitmq:4.0", "20Gi", null));
    assertThat(spec.conversionsOrDefaults()).isEqualTo(new ConversionsSpec(8, null, 3600, 30));
  }

  @Test
  void aResourceWithoutSpecStillHasOne() {
    ConversionPlatform platform = Serialization.unmarshal(
        "{\"apiVersion\":\"video2mp3.io/v1alpha1\",\"kind\":\"ConversionPlatform\",\"metadata\":{\"name\":\"p\"}}",
        ConversionPlatform.class);
    assertThat(platform.getSpec()).isNotNull();
    assertThat(platform.getSpec().mongodbOrDefaults().replicas()).isEqualTo(3);
  }
}
