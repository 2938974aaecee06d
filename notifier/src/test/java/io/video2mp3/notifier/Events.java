package io.video2mp3.notifier;

import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.messaging.ConversionFinished;
import java.time.Instant;
import java.util.UUID;

/** Finished-conversion events for tests. */
public final class Events {

  public static final Instant FINISHED_AT = Instant.parse("2026-11-22T10:00:00Z");
  /** The download-link key of every test (DOWNLOAD_LINK_SECRET). */
  public static final String LINK_SECRET = "notifier-test-download-link-secret-0123456789";

  private Events() {
  }

  public static ConversionFinished succeeded(String email, String filename) {
    String uid = UUID.randomUUID().toString();
    return ConversionFinished.of("video2mp3", "vc-" + uid.substring(0, 8), uid, Phase.Succeeded,
        new ConversionOutput(uid, 9_856_000L, 615.4, "192k"), new Owner("alice", email), filename, "",
        FINISHED_AT);
  }

  public static ConversionFinished failed(String email, String filename, String reason) {
    String uid = UUID.randomUUID().toString();
    return ConversionFinished.of("video2mp3", "vc-" + uid.substring(0, 8), uid, Phase.Failed, null,
        new Owner("alice", email), filename, reason, FINISHED_AT);
  }
}
