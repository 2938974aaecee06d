package io.video2mp3.api.conversion;

/** Where a conversion is in its life: Pending, Queued, Running, then Succeeded or Failed. */
public enum Phase {
  Pending,
  Queued,
  Running,
  Succeeded,
  Failed;

  public boolean isTerminal() {
    return this == Succeeded || this == Failed;
  }
}
