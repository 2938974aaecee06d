package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resources that a schema-validating API server would refuse, written as raw JSON (the mock
 * validates nothing, as an API server serving another CRD version would not): each ends Failed
 * with its reason, an Event and no Job, holds no slot, and the operator keeps converting the good
 * ones next to them, also after a restart that lists them all again.
 */
class MalformedConversionIT {

  private static final String FILE_ID = "665f1c2e9b1d4a0012345678";

  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(1, false); // one slot: a bad resource holding it would stall the good ones
    harness.startOperator();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static Map<String, Object> goodSpec() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("source", new HashMap<>(Map.of("url", "https://example.com/talk.mp4")));
    spec.put("output", new HashMap<>(Map.of("format", "mp3", "bitrate", "192k")));
    spec.put("owner", Map.of("username", "alice", "email", "alice@example.com"));
    return spec;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> spec, String name) {
    return (Map<String, Object>) spec.get(name);
  }

  /** Creates the resource from plain maps: no Java type stands between the test and the stored JSON. */
  private void createRaw(String name, Map<String, Object> spec) {
    GenericKubernetesResource raw = new GenericKubernetesResourceBuilder()
        .withApiVersion(VideoConversion.GROUP + "/" + VideoConversion.VERSION).withKind("VideoConversion")
        .withNewMetadata().withName(name).withNamespace(OperatorHarness.NS).endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
    harness.client.genericKubernetesResources(VideoConversion.GROUP + "/" + VideoConversion.VERSION, "VideoConversion")
        .inNamespace(OperatorHarness.NS).resource(raw).create();
  }

  private void assertFailedWith(String name, String reason) {
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.phase(name) == Phase.Failed);
    VideoConversion vc = harness.get(name);
    assertThat(vc.getStatus().getMessage()).as(name).startsWith("invalid spec: ").contains(reason);
    assertThat(vc.getStatus().getConditions()).as(name)
        .anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason())
            .isEqualTo("Completed/True/" + StatusLogic.REASON_INVALID_SPEC));
    assertThat(vc.getStatus().getJobName()).as(name).isNull();
    assertThat(vc.getStatus().getAttempts()).as(name).isNull();
    assertThat(harness.job(name)).as(name).isNull();
    await().atMost(Duration.ofSeconds(5)).until(() -> harness.events(name).stream()
        .anyMatch(e -> ResourceEvents.INVALID_SPEC.equals(e.getReason()) && "Warning".equals(e.getType())
            && e.getMessage().contains(reason)));
  }

  @Test
  void eachMalformedResourceFailsAloneWhileTheGoodOnesConvert() throws Exception {
    harness.create("good-1", Source.url("https://example.com/1.mp4", null));
    harness.awaitPhase("good-1", Phase.Running); // holds the only slot

    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put("bad-format", goodSpec());
    part(bad.get("bad-format"), "output").put("format", "flac");
    bad.put("bad-timeout", goodSpec());
    bad.get("bad-timeout").put("timeoutSeconds", 99999999999L);
    bad.put("bad-retries", goodSpec());
    bad.get("bad-retries").put("retries", -1);
    bad.put("bad-type", goodSpec());
    bad.get("bad-type").put("retries", "two");
    bad.put("no-source", goodSpec());
    bad.get("no-source").remove("source");
    bad.put("both-sources", goodSpec());
    part(bad.get("both-sources"), "source").put("fileId", FILE_ID);
    bad.put("ftp-url", goodSpec());
    part(bad.get("ftp-url"), "source").put("url", "ftp://example.com/talk.mp4");
    bad.put("bad-bitrate", goodSpec());
    part(bad.get("bad-bitrate"), "output").put("bitrate", "fast");
    bad.put("no-owner", goodSpec());
    bad.get("no-owner").remove("owner");
    bad.forEach(this::createRaw);
    harness.create("good-2", Source.url("https://example.com/2.mp4", null));

    Map<String, String> reasons = Map.of(
        "bad-format", "spec.output.format: unknown value flac (known: mp3)",
        "bad-timeout", "spec cannot be read: spec.timeoutSeconds: ",
        "bad-retries", "spec.retries must be between 0 and 10, was -1",
        "bad-type", "spec cannot be read: spec.retries: ",
        "no-source", "spec.source is required",
        "both-sources", "spec.source needs exactly one of fileId or url",
        "ftp-url", "spec.source.url must start with http:// or https://",
        "bad-bitrate", "spec.output.bitrate must look like 128k or 192k",
        "no-owner", "spec.owner is required");
    reasons.forEach(this::assertFailedWith);

    // None of them took the slot or a place in the queue: good-2 is next once good-1 is done.
    assertThat(harness.phase("good-2")).isEqualTo(Phase.Queued);
    assertThat(harness.get("good-2").getStatus().getMessage()).isEqualTo("waiting for a free slot: 1 of 1 conversions running");
    harness.jobSucceeded("good-1", "{\"status\":\"Succeeded\",\"sizeBytes\":1,\"durationSeconds\":1.0}");
    harness.awaitPhase("good-2", Phase.Running);

    // A restart lists every malformed resource again: the operator starts and carries on.
    harness.stopOperator();
    harness.startOperator();
    harness.jobSucceeded("good-2", "{\"status\":\"Succeeded\",\"sizeBytes\":1,\"durationSeconds\":1.0}");
    harness.awaitPhase("good-2", Phase.Succeeded);
    harness.create("good-3", Source.upload(FILE_ID, "talk.mp4"));
    harness.awaitPhase("good-3", Phase.Running);
    assertThat(harness.app().isStarted()).isTrue();
    reasons.keySet().forEach(name -> assertThat(harness.phase(name)).as(name).isEqualTo(Phase.Failed));
    assertThat(harness.jobs()).hasSize(3);
  }
}
