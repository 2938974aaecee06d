package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Objects;

/** The RabbitMQ cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabbitMqSpec(
    @Min(1)
    @Max(9)
    @Default("3")
    @JsonPropertyDescription("Nodes of the cluster; quorum queues need an odd number, three or more to survive a node loss.")
    Integer replicas,
    @Default(RabbitMqSpec.DEFAULT_IMAGE)
    @JsonPropertyDescription("The RabbitMQ image (the official image and its user 999 are assumed).")
    String image,
    @Default(RabbitMqSpec.DEFAULT_STORAGE)
    @Pattern(Quantities.STORAGE_PATTERN)
    @JsonPropertyDescription("Size of each node's volume, for example 10Gi.")
    String storage,
    @JsonPropertyDescription("CPU and memory of each node; requests are set for you when left out.")
    ResourceRequirements resources) {

  public static final int DEFAULT_REPLICAS = 3;
  public static final String DEFAULT_IMAGE = "rabbitmq:3.13";
  public static final String DEFAULT_STORAGE = "5Gi";
  static final RabbitMqSpec DEFAULTS = new RabbitMqSpec(null, null, null, null);

  public RabbitMqSpec withDefaults() {
    return new RabbitMqSpec(Objects.requireNonNullElse(replicas, DEFAULT_REPLICAS),
        Objects.requireNonNullElse(image, DEFAULT_IMAGE),
        Objects.requireNonNullElse(storage, DEFAULT_STORAGE), resources);
  }
}
