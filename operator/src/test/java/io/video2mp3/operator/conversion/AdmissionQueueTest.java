package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.operator.conversion.Admission.Candidate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

  private final AdmissionQueue queue = new AdmissionQueue();

  private static VideoConversion conversion(String name, String created, Phase phase, String jobName) {
    VideoConversion vc = TestConversions.upload(name, "665f00000000000000000001");
    vc.getMetadata().setCreationTimestamp(created);
    if (phase != null) {
      VideoConversionStatus status = new VideoConversionStatus();
      status.setPhase(phase);
      status.setJobName(jobName);
      vc.setStatus(status);
    }
    return vc;
  }

  private static Candidate candidate(List<Candidate> all, String name) {
    return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void statusesSayWhoHoldsASlotAndWhoWaits() {
    var running = conversion("running", "2026-11-22T10:00:00Z", Phase.Running, "running-convert");
    var queued = conversion("queued", "2026-11-22T10:00:01Z", Phase.Queued, null);
    var fresh = conversion("fresh", "2026-11-22T10:00:02Z", null, null);
    var done = conversion("done", "2026-11-22T09:00:00Z", Phase.Succeeded, "done-convert");
    var leaving = conversion("leaving", "2026-11-22T09:00:00Z", Phase.Running, "leaving-convert");
    leaving.getMetadata().setDeletionTimestamp("2026-11-22T10:05:00Z");

    List<Candidate> all = queue.candidates(Stream.of(running, queued, fresh, done, leaving));

    assertThat(candidate(all, "running")).extracting(Candidate::holdsSlot, Candidate::waiting).containsExactly(true, false);
    assertThat(candidate(all, "queued")).extracting(Candidate::holdsSlot, Candidate::waiting).containsExactly(false, true);
    assertThat(candidate(all, "fresh")).extracting(Candidate::holdsSlot, Candidate::waiting).containsExactly(false, true);
    assertThat(candidate(all, "done")).extracting(Candidate::holdsSlot, Candidate::waiting).containsExactly(false, false);
    assertThat(candidate(all, "leaving")).extracting(Candidate::holdsSlot, Candidate::waiting).containsExactly(false, false);
    assertThat(queue.occupiesSlot(leaving)).as("deleting it frees a slot").isTrue();
    assertThat(queue.occupiesSlot(done)).isFalse();
    assertThat(queue.occupiesSlot(queued)).isFalse();
  }

  @Test
  void anAdmittedConversionHoldsItsSlotBeforeItsStatusSaysSo() {
    var queued = conversion("queued", "2026-11-22T10:00:01Z", Phase.Queued, null);
    queue.admitted(queued);

    assertThat(candidate(queue.candidates(Stream.of(queued)), "queued").holdsSlot()).isTrue();
    assertThat(queue.occupiesSlot(queued)).isTrue();

    queue.forget(queued);
    assertThat(candidate(queue.candidates(Stream.of(queued)), "queued").waiting()).isTrue();
  }

  @Test
  void forgetsAdmissionsOfConversionsThatAreGone() {
    var gone = conversion("gone", "2026-11-22T10:00:01Z", Phase.Queued, null);
    queue.admitted(gone);
    queue.candidates(Stream.empty());

    assertThat(candidate(queue.candidates(Stream.of(gone)), "gone").waiting()).isTrue();
  }
}
