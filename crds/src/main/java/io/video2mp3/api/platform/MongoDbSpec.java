package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Objects;

/** The MongoDB replica set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MongoDbSpec(
    @Min(1)
    // Seven voting members at most, as MongoDB allows; every member the operator adds votes.
    @Max(7)
    @Default("3")
    @JsonPropertyDescription("Members of the replica set; an odd number keeps a majority through one failure.")
    Integer replicas,
    @Default(MongoDbSpec.DEFAULT_IMAGE)
    @JsonPropertyDescription("The mongod image (the official image's entrypoint and user 999 are assumed).")
    String image,
    @Default(MongoDbSpec.DEFAULT_STORAGE)
    @Pattern(Quantities.STORAGE_PATTERN)
    @JsonPropertyDescription("Size of each member's volume, for example 50Gi.")
    String storage,
    @JsonPropertyDescription("CPU and memory of each member; requests are set for you when left out.")
    ResourceRequirements resources) {

  public static final int DEFAULT_REPLICAS = 3;
  public static final String DEFAULT_IMAGE = "mongo:7.0";
  public static final String DEFAULT_STORAGE = "10Gi";
  static final MongoDbSpec DEFAULTS = new MongoDbSpec(null, null, null, null);

  /** This spec with every left-out field defaulted (resources stay null: the builders default them). */
  public MongoDbSpec withDefaults() {
    return new MongoDbSpec(Objects.requireNonNullElse(replicas, DEFAULT_REPLICAS),
        Objects.requireNonNullElse(image, DEFAULT_IMAGE),
        Objects.requireNonNullElse(storage, DEFAULT_STORAGE), resources);
  }
}
