package io.video2mp3.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import java.time.Instant;

/** Published by the gateway after an upload is stored; the operator turns it into a VideoConversion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionRequested(
    String type,
    int version,
    String namespace,
    String name,
    Source source,
    OutputSpec output,
    Owner owner,
    Instant requestedAt) implements Event {

  public static final String TYPE = "ConversionRequested";

  public ConversionRequested {
    Event.require(TYPE, type, version);
    Event.requireText("namespace", namespace);
    Event.requireText("name", name);
    Event.requireValue("source", source);
    Event.requireValue("output", output);
    Event.requireValue("owner", owner);
    Event.requireText("owner.username", owner.username());
    Event.requireText("owner.email", owner.email());
  }

  public static ConversionRequested of(String namespace, String name, Source source, OutputSpec output,
      Owner owner, Instant requestedAt) {
    return new ConversionRequested(TYPE, CURRENT_VERSION, namespace, name, source, output, owner, requestedAt);
  }

  @Override
  public String messageId() {
    return namespace + "/" + name + "/requested";
  }

  @Override
  public String routingKey() {
    return Topology.CONVERSION_REQUESTED;
  }
}
