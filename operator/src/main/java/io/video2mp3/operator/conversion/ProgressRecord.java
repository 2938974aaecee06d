package io.video2mp3.operator.conversion;

import io.javaoperatorsdk.operator.processing.ResourceIDProvider;

/** The converter's progress document ({@code progress} collection), keyed by the conversion's uid. */
public record ProgressRecord(String uid, int percent) implements ResourceIDProvider<String> {

  @Override
  public String resourceId() {
    return uid;
  }
}
