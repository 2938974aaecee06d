package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.video2mp3.api.platform.ConversionPlatform;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSecretsTest {

  private final ConversionPlatform platform = TestPlatforms.defaults("prod");

  @Test
  void mongodbSecretHoldsAKeyfileAndBothUsers() {
    Secret secret = TestPlatforms.secrets(1).mongodb(platform, Optional.empty());
    assertThat(secret.getMetadata().getName()).isEqualTo("prod-mongodb-credentials");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("media");
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertOwned(secret);
    Map<String, String> data = PlatformSecrets.decode(Optional.of(secret));
    assertThat(data).containsOnlyKeys("keyfile", "root-username", "root-password", "app-username", "app-password");
    assertThat(data.get("keyfile")).hasSize(128).matches("[A-Za-z0-9+/=]+");
    assertThat(data.get("root-username")).isEqualTo("root");
    assertThat(data.get("app-username")).isEqualTo("video2mp3");
    assertThat(data.get("root-password")).hasSize(32).matches("[A-Za-z0-9]+")
        .isNotEqualTo(data.get("app-password"));
  }

  @Test
  void rabbitmqSecretHoldsTheCookieAndTheUser() {
    Secret secret = TestPlatforms.secrets(1).rabbitmq(platform, Optional.empty());
    assertThat(secret.getMetadata().getName()).isEqualTo("prod-rabbitmq-credentials");
    assertOwned(secret);
    Map<String, String> data = PlatformSecrets.decode(Optional.of(secret));
    assertThat(data).containsOnlyKeys(".erlang.cookie", "username", "password");
    assertThat(data.get(".erlang.cookie")).hasSize(48).matches("[A-Z0-9]+");
    RabbitCredentials credentials = PlatformSecrets.rabbitCredentials(secret);
    assertThat(credentials.user()).isEqualTo("video2mp3");
    assertThat(credentials.password()).isEqualTo(data.get("password"));
    assertThat(credentials.toString()).doesNotContain(credentials.password());
  }

  @Test
  void existingValuesAreNeverRegenerated() {
    Secret first = TestPlatforms.secrets(1).mongodb(platform, Optional.empty());
    Secret again = TestPlatforms.secrets(2).mongodb(platform, Optional.of(first));
    assertThat(again.getData()).isEqualTo(first.getData());
    Secret rabbit = TestPlatforms.secrets(1).rabbitmq(platform, Optional.empty());
    assertThat(TestPlatforms.secrets(3).rabbitmq(platform, Optional.of(rabbit)).getData()).isEqualTo(rabbit.getData());
  }

  @Test
  void onlyMissingKeysAreAdded() {
    Secret first = TestPlatforms.secrets(1).mongodb(platform, Optional.empty());
    String keyfile = first.getData().get("keyfile");
    first.getData().remove("app-password");
    Secret filled = TestPlatforms.secrets(2).mongodb(platform, Optional.of(first));
    assertThat(filled.getData().get("keyfile")).isEqualTo(keyfile);
    assertThat(filled.getData()).containsKey("app-password");
  }

  @Test
  void generatorsDifferBetweenSeeds() {
    assertThat(TestPlatforms.secrets(1).mongodb(platform, Optional.empty()).getData())
        .isNotEqualTo(TestPlatforms.secrets(2).mongodb(platform, Optional.empty()).getData());
  }

  @Test
  void connectionSecretNamesEveryMemberAndTheAppUsers() {
    MongoCredentials mongo = new MongoCredentials("k", "root", "rootpw", "video2mp3", "apppw");
    RabbitCredentials rabbit = new RabbitCredentials("cookie", "video2mp3", "rabbitpw");
    Secret secret = PlatformSecrets.connection(platform, mongo, rabbit, 3);
    assertThat(secret.getMetadata().getName()).isEqualTo("prod-connection");
    assertOwned(secret);
    Map<String, String> data = PlatformSecrets.decode(Optional.of(secret));
    assertThat(data).containsOnlyKeys("MONGODB_URI", "RABBITMQ_URI");
    assertThat(data.get("MONGODB_URI")).isEqualTo("mongodb://video2mp3:apppw@"
        + "prod-mongodb-0.prod-mongodb-headless.media.svc.cluster.local:27017,"
        + "prod-mongodb-1.prod-mongodb-headless.media.svc.cluster.local:27017,"
        + "prod-mongodb-2.prod-mongodb-headless.media.svc.cluster.local:27017"
        + "/video2mp3?replicaSet=rs0&authSource=video2mp3");
    assertThat(data.get("RABBITMQ_URI")).isEqualTo("amqp://video2mp3:rabbitpw@prod-rabbitmq.media.svc:5672");
  }

  @Test
  void credentialsAreReadBack() {
    Secret secret = TestPlatforms.secrets(1).mongodb(platform, Optional.empty());
    MongoCredentials credentials = PlatformSecrets.mongoCredentials(secret);
    assertThat(credentials.rootUser()).isEqualTo("root");
    assertThat(Base64.getEncoder().encodeToString(credentials.rootPassword().getBytes()))
        .isEqualTo(secret.getData().get("root-password"));
    assertThat(credentials.toString()).doesNotContain(credentials.rootPassword()).doesNotContain(credentials.keyfile());
  }

  @Test
  void aSecretMissingAKeyIsRefusedByName() {
    Secret secret = TestPlatforms.secrets(1).rabbitmq(platform, Optional.empty());
    secret.getData().remove("password");
    assertThatThrownBy(() -> PlatformSecrets.rabbitCredentials(secret))
        .hasMessage("Secret prod-rabbitmq-credentials has no password");
  }

  static void assertOwned(io.fabric8.kubernetes.api.model.HasMetadata object) {
    assertThat(object.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("ConversionPlatform");
      assertThat(owner.getApiVersion()).isEqualTo("video2mp3.io/v1alpha1");
      assertThat(owner.getUid()).isEqualTo("uid-prod");
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
    });
    assertThat(object.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "video2mp3-operator")
        .containsEntry("app.kubernetes.io/part-of", "video2mp3")
        .containsEntry("video2mp3.io/platform", "prod");
  }
}
