package io.video2mp3.notifier.messaging;

import io.video2mp3.api.messaging.Topology;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Readiness: the broker connection is open and the consumer on queue mp3 is registered. */
public class AmqpHealthIndicator implements HealthIndicator {

  private final Mp3Consumer consumer;

  public AmqpHealthIndicator(Mp3Consumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public Health health() {
    Health.Builder builder = consumer.isConsuming() ? Health.up() : Health.down();
    return builder.withDetail("queue", Topology.MP3.name()).build();
  }
}
