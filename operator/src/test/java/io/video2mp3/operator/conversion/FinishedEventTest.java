package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.api.messaging.ConversionFinished;
import org.junit.jupiter.api.Test;

/** The finished event goes to the owner the conversion was admitted for, whatever the spec says by then. */
class FinishedEventTest {

  @Test
  void theAdmittedOwnerIsNotifiedAfterTheSpecWasEdited() {
    VideoConversion vc = TestConversions.upload("vc-1", "665f1c2e9b1d4a0012345678");
    VideoConversionStatus status = new VideoConversionStatus();
    status.setPhase(Phase.Failed);
    status.setCompletedAt("2026-11-22T10:00:00Z");
    status.setAdmitted(AdmittedRequest.of(vc.getSpec()));
    vc.setStatus(status);
    vc.getSpec().setOwner(new Owner("mallory", "mallory@example.com"));
    vc.getSpec().setSource(Source.url("https://example.com/other.mp4", "other.mp4"));

    ConversionFinished event = VideoConversionReconciler.finishedEvent(vc, status);
    assertThat(event.owner()).isEqualTo(new Owner("alice", "alice@example.com"));
    assertThat(event.filename()).isEqualTo("talk.mp4");
  }
}
