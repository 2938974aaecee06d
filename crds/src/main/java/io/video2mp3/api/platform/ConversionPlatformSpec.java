package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/**
 * What the platform runs. Every part may be left out: the API server fills in the defaults, and
 * the {@code orDefaults} methods do the same for clients that do not (the mock API server).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConversionPlatformSpec {

  // "{}" makes the API server create the object, and then its fields' defaults, when it is left out.
  @Default("{}")
  @JsonPropertyDescription("The MongoDB replica set holding videos and MP3s (GridFS) and progress records.")
  private MongoDbSpec mongodb;

  @Default("{}")
  @JsonPropertyDescription("The RabbitMQ cluster carrying conversion requests and finished events (quorum queues).")
  private RabbitMqSpec rabbitmq;

  @Default("{}")
  @JsonPropertyDescription("How conversions run.")
  private ConversionsSpec conversions;

  public ConversionPlatformSpec() {
  }

  public ConversionPlatformSpec(MongoDbSpec mongodb, RabbitMqSpec rabbitmq, ConversionsSpec conversions) {
    this.mongodb = mongodb;
    this.rabbitmq = rabbitmq;
    this.conversions = conversions;
  }

  public MongoDbSpec getMongodb() {
    return mongodb;
  }

  public void setMongodb(MongoDbSpec mongodb) {
    this.mongodb = mongodb;
  }

  public RabbitMqSpec getRabbitmq() {
    return rabbitmq;
  }

  public void setRabbitmq(RabbitMqSpec rabbitmq) {
    this.rabbitmq = rabbitmq;
  }

  public ConversionsSpec getConversions() {
    return conversions;
  }

  public void setConversions(ConversionsSpec conversions) {
    this.conversions = conversions;
  }

  /** The MongoDB part with the schema's defaults applied. */
  public MongoDbSpec mongodbOrDefaults() {
    return Objects.requireNonNullElse(mongodb, MongoDbSpec.DEFAULTS).withDefaults();
  }

  public RabbitMqSpec rabbitmqOrDefaults() {
    return Objects.requireNonNullElse(rabbitmq, RabbitMqSpec.DEFAULTS).withDefaults();
  }

  public ConversionsSpec conversionsOrDefaults() {
    return Objects.requireNonNullElse(conversions, ConversionsSpec.DEFAULTS).withDefaults();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConversionPlatformSpec other
        && Objects.equals(mongodb, other.mongodb)
        && Objects.equals(rabbitmq, other.rabbitmq)
        && Objects.equals(conversions, other.conversions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mongodb, rabbitmq, conversions);
  }
}
