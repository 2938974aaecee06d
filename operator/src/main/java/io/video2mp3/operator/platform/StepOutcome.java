package io.video2mp3.operator.platform;

/** How a step against a provisioned service went: becomes a status condition as it is. */
public record StepOutcome(boolean ready, String reason, String message) {

  public static StepOutcome done(String reason, String message) {
    return new StepOutcome(true, reason, message);
  }

  public static StepOutcome notYet(String reason, String message) {
    return new StepOutcome(false, reason, message);
  }
}
