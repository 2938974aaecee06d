package io.video2mp3.gateway.upload;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Upload counters and timings for Prometheus. */
@Component
class UploadMetrics {

  private final MeterRegistry registry;
  private final DistributionSummary bytes;

  UploadMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.bytes = DistributionSummary.builder("gateway.upload.bytes")
        .description("Size of accepted uploads")
        .baseUnit("bytes")
        .register(registry);
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  /** Records one finished upload attempt; {@code outcome} is a small fixed set (accepted, too_large, ...). */
  void finish(Timer.Sample sample, String outcome, long acceptedBytes) {
    sample.stop(Timer.builder("gateway.upload.duration")
        .description("Time to receive, store and hand over an upload")
        .tag("outcome", outcome)
        .register(registry));
    registry.counter("gateway.uploads", "outcome", outcome).increment();
    if (acceptedBytes > 0) {
      bytes.record(acceptedBytes);
    }
  }
}
