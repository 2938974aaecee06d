package io.video2mp3.operator.conversion;

import io.video2mp3.api.conversion.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a finished conversion is kept: until {@code status.completedAt} plus its namespace's
 * retention days ({@link ConversionSettings#retentionDays()}; 0 keeps it forever). Only a finished
 * (Succeeded or Failed) conversion whose owner was notified ever expires: one still queued or
 * running, or whose ConversionFinished has not been confirmed yet, is kept. Pure.
 */
public final class Retention {

  /**
   * The longest a finished conversion waits before it is looked at again, even when it expires
   * later or never: a changed retention setting or a corrected clock is noticed within this time.
   */
  public static final Duration MAX_RECHECK = Duration.ofHours(1);

  private Retention() {
  }

  /** What to do with a conversion now. {@code keepUntil} is empty when it is kept for good (so far). */
  public record Verdict(boolean expired, Optional<Instant> keepUntil) {

    static final Verdict KEEP = new Verdict(false, Optional.empty());

    /**
     * When to look at the conversion again: at its expiry, at most {@code max} from {@code now}
     * (also when time alone changes nothing: kept forever, or due but its owner not yet notified).
     */
    public Duration recheckAfter(Instant now, Duration max) {
      if (expired) {
        return Duration.ZERO;
      }
      return keepUntil.map(until -> Duration.between(now, until))
          .filter(untilThen -> !untilThen.isNegative() && !untilThen.isZero() && untilThen.compareTo(max) < 0)
          .orElse(max);
    }
  }

  /**
   * @param phase the conversion's phase (null: not yet looked at)
   * @param completedAt {@code status.completedAt} (null: unknown, kept)
   * @param notified whether {@code status.notified} is true
   * @param retentionDays days a finished conversion is kept; 0 keeps it forever
   */
  public static Verdict decide(Phase phase, Instant completedAt, boolean notified, Instant now, int retentionDays) {
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must not be negative, was " + retentionDays);
    }
    if (phase == null || !phase.isTerminal() || completedAt == null || retentionDays == 0) {
      return Verdict.KEEP;
    }
    Instant until = completedAt.plus(Duration.ofDays(retentionDays));
    // Never before the owner's notification went out: the mail is what tells them to download it.
    return new Verdict(notified && !now.isBefore(until), Optional.of(until));
  }

  /** {@code status.completedAt} as an instant; empty when absent or not a timestamp. */
  public static Optional<Instant> parseTimestamp(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(rfc3339));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
