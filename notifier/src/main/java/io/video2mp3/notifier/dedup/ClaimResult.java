package io.video2mp3.notifier.dedup;

import java.time.Instant;

/** What {@link HandledEvents#claim} found. */
public sealed interface ClaimResult {

  /** This delivery owns the event now and must send, then {@link HandledEvents#markSent} or release. */
  record Claimed(String token, boolean takenOver) implements ClaimResult {
  }

  /** The mail went out before: send nothing, acknowledge. */
  record AlreadySent() implements ClaimResult {
  }

  /** Another delivery is sending it right now; its claim is considered dead after {@code staleAt}. */
  record HeldByOther(Instant staleAt) implements ClaimResult {
  }
}
