package io.video2mp3.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversionRequestsTest {

  // With the account id: the resource must carry it, or its owner could not see it.
  private static final Owner ALICE = new Owner("alice", "alice@example.com", "4f0c2d5e-uid-of-alice");

  @Test
  void mapsTheMessageOntoTheResource() throws Exception {
    var request = ConversionRequested.of("video2mp3", "vc-665f00000000000000000001",
        Source.upload("665f00000000000000000001", "talk.mp4"), OutputSpec.mp3("192k"), ALICE,
        Instant.parse("2026-11-22T10:00:00Z"));
    VideoConversion vc = ConversionRequests.toResource(request);
    assertThat(vc.getMetadata().getName()).isEqualTo("vc-665f00000000000000000001");
    assertThat(vc.getMetadata().getNamespace()).isEqualTo("video2mp3");
    assertThat(vc.getMetadata().getAnnotations()).containsEntry(ConversionRequests.REQUESTED_AT_ANNOTATION,
        "2026-11-22T10:00:00Z");
    assertThat(vc.getSpec().getSource()).isEqualTo(Source.upload("665f00000000000000000001", "talk.mp4"));
    assertThat(vc.getSpec().getOutput()).isEqualTo(OutputSpec.mp3("192k"));
    assertThat(vc.getSpec().getOwner()).isEqualTo(ALICE);
    assertThat(vc.getSpec().effectiveRetries()).isEqualTo(2);
    assertThat(vc.getSpec().effectiveTimeoutSeconds()).isEqualTo(3600);
  }

  @Test
  void decodesTheDesignDocumentsExample() throws Exception {
    String json = "{\"type\":\"ConversionRequested\",\"version\":1,\"namespace\":\"video2mp3\",\"name\":\"vc-665f00000000000000000001\","
        + "\"source\":{\"fileId\":\"665f00000000000000000001\",\"filename\":\"talk.mp4\"},\"output\":{\"format\":\"mp3\",\"bitrate\":\"192k\"},"
        + "\"owner\":{\"username\":\"alice\",\"email\":\"alice@example.com\"},\"requestedAt\":\"2026-11-22T10:00:00Z\"}";
    var request = new EventCodec().decode(json.getBytes(StandardCharsets.UTF_8), ConversionRequested.class);
    assertThat(ConversionRequests.toResource(request).getSpec().getSource().fileId()).isEqualTo("665f00000000000000000001");
  }

  @Test
  void refusesWhatTheSchemaWouldRefuse() {
    assertThatThrownBy(() -> ConversionRequests.toResource(ConversionRequested.of("video2mp3", "Not_A_Name",
        Source.upload("665f00000000000000000001", null), OutputSpec.mp3("192k"), ALICE, null)))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> ConversionRequests.toResource(ConversionRequested.of("video2mp3", "vc-x",
        new Source("665f00000000000000000001", "https://x/y.mp4", null), OutputSpec.mp3("192k"), ALICE, null)))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> ConversionRequests.toResource(ConversionRequested.of("video2mp3", "vc-x",
        Source.upload("xyz", null), OutputSpec.mp3("192k"), ALICE, null)))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("fileId");
    assertThatThrownBy(() -> ConversionRequests.toResource(ConversionRequested.of("video2mp3", "vc-x",
        Source.url("https://x/y.mp4", null), OutputSpec.mp3("fast"), ALICE, null)))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("bitrate");
  }

  @Test
  void classifiesApiAnswers() {
    assertThat(ConversionCreator.classify(409)).isEqualTo(ConversionCreator.Outcome.EXISTS);
    assertThat(ConversionCreator.classify(422)).isEqualTo(ConversionCreator.Outcome.REFUSED);
    assertThat(ConversionCreator.classify(400)).isEqualTo(ConversionCreator.Outcome.REFUSED);
    assertThat(ConversionCreator.classify(500)).isEqualTo(ConversionCreator.Outcome.UNAVAILABLE);
    assertThat(ConversionCreator.classify(503)).isEqualTo(ConversionCreator.Outcome.UNAVAILABLE);
    assertThat(ConversionCreator.classify(0)).isEqualTo(ConversionCreator.Outcome.UNAVAILABLE);
    assertThat(ConversionCreator.classify(429)).isEqualTo(ConversionCreator.Outcome.UNAVAILABLE);
  }
}
