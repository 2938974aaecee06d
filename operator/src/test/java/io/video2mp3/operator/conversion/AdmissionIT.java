package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.platform.ConversionsSpec;
import io.video2mp3.operator.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MAX_CONCURRENT_JOBS=1: one Job at a time per namespace without a ConversionPlatform, the others
 * Queued, admitted first come first served; a namespace's ConversionPlatform sets its own limit.
 * Queued conversions re-check on their own only every 10 minutes here, so every admission after
 * the first shows that a freed slot (or a raised limit) wakes the queue.
 */
class AdmissionIT {

  /** Well beyond any wait below: a queued conversion that starts did so because it was woken. */
  private static final VideoConversionReconciler.Timing EVENT_DRIVEN = new VideoConversionReconciler.Timing(
      Duration.ofMinutes(10), OperatorHarness.FAST.progressPoll(), OperatorHarness.FAST.runningResync(),
      OperatorHarness.FAST.maxNotifyBackoff());
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(1, false).timing(EVENT_DRIVEN);
    harness.startOperator();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private void succeed(String name) {
    harness.jobSucceeded(name, "{\"status\":\"Succeeded\",\"sizeBytes\":1,\"durationSeconds\":1.0}");
  }

  @Test
  void queuesBeyondTheLimitAndAdmitsInCreationOrder() {
    // Created in this order; names sort the same way should the creation times tie.
    List<String> names = List.of("q-1", "q-2", "q-3");
    names.forEach(n -> harness.create(n, Source.url("https://example.com/" + n + ".mp4", n + ".mp4")));

    harness.awaitPhase("q-1", Phase.Running);
    harness.awaitPhase("q-2", Phase.Queued);
    harness.awaitPhase("q-3", Phase.Queued);
    assertThat(harness.jobs()).hasSize(1);
    // Written when q-2 was first looked at: q-1 was either running or still queued ahead of it.
    assertThat(harness.get("q-2").getStatus().getMessage()).matches(
        "waiting for a free slot: (1 of 1 conversions running|0 of 1 conversions running, 1 queued ahead)");
    assertThat(harness.eventReasons("q-2")).contains("Queued");

    succeed("q-1");
    harness.awaitPhase("q-1", Phase.Succeeded);
    awaitRunning("q-2");
    assertThat(harness.phase("q-3")).isEqualTo(Phase.Queued);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> harness.phase("q-3") == Phase.Queued && harness.jobs().size() == 2);

    harness.jobFinished("q-2", 0, 1, "Failed", "BackoffLimitExceeded");
    harness.awaitPhase("q-2", Phase.Failed);
    awaitRunning("q-3");
    assertThat(harness.jobs()).hasSize(3);
  }

  @Test
  void aLaterConversionNeverOvertakesAnEarlierOne() {
    harness.create("w-1", Source.url("https://example.com/1.mp4", null));
    harness.awaitPhase("w-1", Phase.Running);
    var w2 = harness.create("w-2", Source.url("https://example.com/2.mp4", null));
    harness.awaitPhase("w-2", Phase.Queued);
    // creationTimestamp has one-second resolution (ties go by name): make w-0-later strictly later.
    Instant w2Created = Instant.parse(w2.getMetadata().getCreationTimestamp());
    await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(w2Created));
    harness.create("w-0-later", Source.url("https://example.com/3.mp4", null)); // sorts first by name, created last
    harness.awaitPhase("w-0-later", Phase.Queued);
    harness.jobFinished("w-1", 0, 1, "Failed", "DeadlineExceeded");
    awaitRunning("w-2");
    assertThat(harness.phase("w-0-later")).isEqualTo(Phase.Queued);
  }

  @Test
  void deletingARunningConversionAdmitsTheNextOne() {
    harness.create("d-1", Source.url("https://example.com/1.mp4", null));
    harness.awaitPhase("d-1", Phase.Running);
    harness.create("d-2", Source.url("https://example.com/2.mp4", null));
    harness.awaitPhase("d-2", Phase.Queued);

    harness.client.resources(VideoConversion.class).inNamespace(OperatorHarness.NS).withName("d-1").delete();

    awaitRunning("d-2");
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("d-1") == null);
  }

  @Test
  void eachNamespaceAdmitsUpToItsOwnLimit() {
    String wide = "wide"; // its platform allows 2; "media" has none: MAX_CONCURRENT_JOBS=1
    harness.createPlatform(wide, new ConversionsSpec(2, null, null, null));
    List.of("n-1", "n-2").forEach(n -> harness.create(n, Source.url("https://example.com/" + n + ".mp4", null)));
    List.of("w-1", "w-2", "w-3").forEach(n -> harness.create(wide, n, Source.url("https://example.com/" + n + ".mp4", null)));

    // Created before the operator may have seen the platform: then the platform's arrival wakes w-2.
    awaitRunning(wide, "w-1");
    awaitRunning(wide, "w-2");
    await().atMost(PROMPTLY).until(() -> harness.phase(wide, "w-3") == Phase.Queued);
    harness.awaitPhase("n-1", Phase.Running);
    harness.awaitPhase("n-2", Phase.Queued);
    // Written when w-3 was looked at, seeing the platform's limit; w-1 and w-2 may still have been queued ahead.
    await().atMost(PROMPTLY).until(() -> harness.get(wide, "w-3").getStatus().getMessage()
        .matches("waiting for a free slot: [0-2] of 2 conversions running.*"));
    assertThat(harness.jobs(wide)).hasSize(2);
    assertThat(harness.jobs()).hasSize(1);

    succeed("n-1"); // frees a slot in "media" only
    awaitRunning(OperatorHarness.NS, "n-2");
    assertThat(harness.phase(wide, "w-3")).isEqualTo(Phase.Queued);

    harness.jobFinished(wide, "w-1", 0, 1, "Failed", "DeadlineExceeded");
    awaitRunning(wide, "w-3");
    assertThat(harness.jobs(wide)).hasSize(3);
  }

  @Test
  void raisingThePlatformsLimitAdmitsTheQueuedAtOnceAndANewImageOnlyForNewJobs() {
    String ns = "raise";
    harness.createPlatform(ns, new ConversionsSpec(1, "registry/converter:1", 120, null));
    harness.create(ns, "r-1", Source.url("https://example.com/1.mp4", null));
    awaitRunning(ns, "r-1");
    harness.create(ns, "r-2", Source.url("https://example.com/2.mp4", null));
    await().atMost(PROMPTLY).until(() -> harness.phase(ns, "r-2") == Phase.Queued);
    Job first = harness.job(ns, "r-1");
    assertThat(first.getSpec().getTtlSecondsAfterFinished()).isEqualTo(120);
    assertThat(first.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry/converter:1");

    harness.editPlatformConversions(ns, new ConversionsSpec(2, "registry/converter:2", 60, null));

    awaitRunning(ns, "r-2"); // no slot was freed: the platform's change woke it
    Job second = harness.job(ns, "r-2");
    assertThat(second.getSpec().getTtlSecondsAfterFinished()).isEqualTo(60);
    assertThat(second.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry/converter:2");
    Job firstAgain = harness.job(ns, "r-1");
    assertThat(firstAgain.getMetadata().getUid()).as("never recreated").isEqualTo(first.getMetadata().getUid());
    assertThat(firstAgain.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry/converter:1");
  }

  /** Far sooner than the 10-minute recheck: only the wake-up can have admitted it. */
  private void awaitRunning(String name) {
    awaitRunning(OperatorHarness.NS, name);
  }

  private void awaitRunning(String namespace, String name) {
    await().atMost(PROMPTLY).until(() -> harness.phase(namespace, name) == Phase.Running);
  }
}
