package io.video2mp3.notifier.config;

import java.time.Duration;

/** Waiting, behind an interface so that retry and back-off logic is tested without real waiting. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  };

  void sleep(Duration duration) throws InterruptedException;
}
