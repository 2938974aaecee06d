package io.video2mp3.operator.conversion;

import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads progress only for running conversions; the others cost nothing. */
final class ProgressFetcher implements PerResourcePollingEventSource.ResourceFetcher<ProgressRecord, VideoConversion> {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressFetcher.class);
  private static final Duration IDLE_POLL = Duration.ofSeconds(30);

  private final ConversionStore store;
  private final Duration progressPoll;

  ProgressFetcher(ConversionStore store, Duration progressPoll) {
    this.store = store;
    this.progressPoll = progressPoll;
  }

  @Override
  public Set<ProgressRecord> fetchResources(VideoConversion primary) {
    if (primary.getStatus() == null || primary.getStatus().getPhase() != Phase.Running) {
      return Set.of();
    }
    try {
      return store.progress(primary.getMetadata().getUid()).map(Set::of).orElse(Set.of());
    } catch (RuntimeException e) {
      LOG.debug("progress of {} unavailable: {}", primary.getMetadata().getName(), e.getMessage());
      return Set.of();
    }
  }

  /** Conversions that are not running are looked at rarely: there is nothing to read for them. */
  @Override
  public Optional<Duration> fetchDelay(Set<ProgressRecord> lastFetched, VideoConversion primary) {
    boolean runningNow = primary.getStatus() != null && primary.getStatus().getPhase() == Phase.Running;
    boolean waiting = primary.getStatus() == null || primary.getStatus().getPhase() == null
        || !primary.getStatus().getPhase().isTerminal();
    return runningNow ? Optional.empty() : Optional.of(waiting ? progressPoll.multipliedBy(2) : IDLE_POLL);
  }
}
