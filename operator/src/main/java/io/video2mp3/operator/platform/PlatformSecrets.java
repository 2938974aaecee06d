package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.storage.StorageLayout;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's Secrets. Generated values are made once: a Secret that exists keeps every value
 * it has (rotating a keyfile or a cookie would split the cluster, a password would lock the
 * services out); only keys it lacks are generated.
 */
public class PlatformSecrets {

  public static final String MONGODB_URI = "MONGODB_URI";
  public static final String RABBITMQ_URI = "RABBITMQ_URI";
  static final String ROOT_USER = "root";
  static final String APP_USER = "video2mp3";
  static final String RABBIT_USER = "video2mp3";

  private final CredentialGenerator generator;

  public PlatformSecrets(CredentialGenerator generator) {
    this.generator = generator;
  }

  /** The MongoDB keyfile and users, with the values of {@code existing} where it has them. */
  public Secret mongodb(ConversionPlatform platform, Optional<Secret> existing) {
    Map<String, String> data = decode(existing);
    data.computeIfAbsent(MongoCredentials.KEYFILE, k -> generator.mongodbKeyfile());
    data.computeIfAbsent(MongoCredentials.ROOT_USER, k -> ROOT_USER);
    data.computeIfAbsent(MongoCredentials.ROOT_PASSWORD, k -> generator.password());
    data.computeIfAbsent(MongoCredentials.APP_USER, k -> APP_USER);
    data.computeIfAbsent(MongoCredentials.APP_PASSWORD, k -> generator.password());
    return secret(platform, PlatformNames.of(platform).mongodbSecret(), PlatformLabels.MONGODB, data);
  }

  /** The Erlang cookie and the RabbitMQ user, with the values of {@code existing} where it has them. */
  public Secret rabbitmq(ConversionPlatform platform, Optional<Secret> existing) {
    Map<String, String> data = decode(existing);
    data.computeIfAbsent(RabbitCredentials.ERLANG_COOKIE, k -> generator.erlangCookie());
    data.computeIfAbsent(RabbitCredentials.USER, k -> RABBIT_USER);
    data.computeIfAbsent(RabbitCredentials.PASSWORD, k -> generator.password());
    return secret(platform, PlatformNames.of(platform).rabbitmqSecret(), PlatformLabels.RABBITMQ, data);
  }

  /** What the services mount: the replica set's and the broker's URIs with the app users' credentials. */
  public static Secret connection(ConversionPlatform platform, MongoCredentials mongo, RabbitCredentials rabbit,
      int mongodbReplicas) {
    PlatformNames names = PlatformNames.of(platform);
    String database = StorageLayout.DEFAULT_DATABASE;
    Map<String, String> data = new LinkedHashMap<>();
    data.put(MONGODB_URI, "mongodb://" + mongo.appUser() + ":" + mongo.appPassword() + "@"
        + String.join(",", names.mongodbMemberHosts(mongodbReplicas)) + "/" + database
        + "?replicaSet=" + PlatformNames.REPLICA_SET + "&authSource=" + database);
    data.put(RABBITMQ_URI, rabbitUri(names.rabbitmqHost() + ":" + PlatformNames.AMQP_PORT, rabbit));
    return secret(platform, names.connectionSecret(), "connection", data);
  }

  public static String rabbitUri(String hostAndPort, RabbitCredentials rabbit) {
    return "amqp://" + rabbit.user() + ":" + rabbit.password() + "@" + hostAndPort;
  }

  public static MongoCredentials mongoCredentials(Secret secret) {
    Map<String, String> data = decode(Optional.of(secret));
    return new MongoCredentials(required(secret, data, MongoCredentials.KEYFILE),
        required(secret, data, MongoCredentials.ROOT_USER), required(secret, data, MongoCredentials.ROOT_PASSWORD),
        required(secret, data, MongoCredentials.APP_USER), required(secret, data, MongoCredentials.APP_PASSWORD));
  }

  public static RabbitCredentials rabbitCredentials(Secret secret) {
    Map<String, String> data = decode(Optional.of(secret));
    return new RabbitCredentials(required(secret, data, RabbitCredentials.ERLANG_COOKIE),
        required(secret, data, RabbitCredentials.USER), required(secret, data, RabbitCredentials.PASSWORD));
  }

  /** The Secret's values as text (the API server keeps them base64-encoded in {@code data}). */
  public static Map<String, String> decode(Optional<Secret> secret) {
    Map<String, String> values = new LinkedHashMap<>();
    secret.map(Secret::getData).ifPresent(data -> data.forEach((key, value) ->
        values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8))));
    return values;
  }

  private static String required(Secret secret, Map<String, String> data, String key) {
    return Optional.ofNullable(data.get(key)).filter(v -> !v.isEmpty()).orElseThrow(
        () -> new IllegalStateException("Secret " + secret.getMetadata().getName() + " has no " + key));
  }

  private static Secret secret(ConversionPlatform platform, String name, String component, Map<String, String> values) {
    Map<String, String> encoded = new LinkedHashMap<>();
    values.forEach((key, value) -> encoded.put(key,
        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withMetadata(PlatformLabels.metadata(platform, name, component))
        .withType("Opaque")
        .withData(encoded)
        .build();
  }
}
