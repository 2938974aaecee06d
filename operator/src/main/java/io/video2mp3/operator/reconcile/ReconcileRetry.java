package io.video2mp3.operator.reconcile;

/**
 * The retry of a failed reconcile, for {@code @GradualRetry} on each reconciler: exponential from
 * one second, at most a minute apart, and never giving up (a refused Job or a full quota is usually
 * transient: the resource must recover on its own once the cause is gone).
 */
public final class ReconcileRetry {

  public static final int UNLIMITED_ATTEMPTS = -1;
  public static final long INITIAL_INTERVAL_MILLIS = 1000;
  public static final double MULTIPLIER = 2;
  public static final long MAX_INTERVAL_MILLIS = 60_000;

  private ReconcileRetry() {
  }
}
