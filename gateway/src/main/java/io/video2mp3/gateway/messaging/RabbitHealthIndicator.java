package io.video2mp3.gateway.messaging;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness: without the broker no upload can be accepted. */
@Component("rabbit")
class RabbitHealthIndicator extends AbstractHealthIndicator {

  private final ConversionPublisher publisher;

  RabbitHealthIndicator(ConversionPublisher publisher) {
    super("RabbitMQ is unavailable");
    this.publisher = publisher;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    if (publisher.ping()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
