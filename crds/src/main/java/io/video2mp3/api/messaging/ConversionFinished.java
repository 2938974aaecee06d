package io.video2mp3.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import java.time.Instant;

/**
 * Published by the operator once per conversion that reached Succeeded or Failed; the notifier emails
 * the owner. {@code filename} (the source's original name) is an addition to DESIGN.md's example so
 * the email can name the file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionFinished(
    String type,
    int version,
    String namespace,
    String name,
    String uid,
    Phase phase,
    ConversionOutput output,
    Owner owner,
    String filename,
    String message,
    Instant finishedAt) implements Event {

  public static final String TYPE = "ConversionFinished";

  public ConversionFinished {
    Event.require(TYPE, type, version);
    Event.requireText("namespace", namespace);
    Event.requireText("name", name);
    Event.requireText("uid", uid);
    Event.requireValue("phase", phase);
    if (!phase.isTerminal()) {
      throw new IllegalArgumentException("phase must be Succeeded or Failed, was " + phase);
    }
    if (phase == Phase.Succeeded && (output == null || output.fileId() == null)) {
      throw new IllegalArgumentException("output.fileId is required when the phase is Succeeded");
    }
    Event.requireValue("owner", owner);
    Event.requireText("owner.email", owner.email());
  }

  public static ConversionFinished of(String namespace, String name, String uid, Phase phase,
      ConversionOutput output, Owner owner, String filename, String message, Instant finishedAt) {
    return new ConversionFinished(TYPE, CURRENT_VERSION, namespace, name, uid, phase, output, owner,
        filename, message, finishedAt);
  }

  @Override
  public String messageId() {
    return uid + "/finished";
  }

  @Override
  public String routingKey() {
    return Topology.CONVERSION_FINISHED;
  }
}
