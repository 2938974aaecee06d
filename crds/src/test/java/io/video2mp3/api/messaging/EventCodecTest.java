package io.video2mp3.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();
  private final Owner alice = new Owner("alice", "alice@example.com");

  @Test
  void requestedRoundTripsInTheDocumentedShape() throws Exception {
    ConversionRequested event = ConversionRequested.of("video2mp3", "vc-665f", Source.upload("665f0000000000000000abcd", "talk.mp4"),
        OutputSpec.mp3("192k"), alice, Instant.parse("2026-11-22T10:00:00Z"));

    String json = new String(codec.encode(event), StandardCharsets.UTF_8);

    assertThat(json).contains("\"type\":\"ConversionRequested\"", "\"version\":1", "\"format\":\"mp3\"",
        "\"requestedAt\":\"2026-11-22T10:00:00Z\"", "\"fileId\":\"665f0000000000000000abcd\"");
    assertThat(json).doesNotContain("\"url\"");
    assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), ConversionRequested.class)).isEqualTo(event);
    assertThat(event.messageId()).isEqualTo("video2mp3/vc-665f/requested");
  }

  @Test
  void finishedRoundTrips() throws Exception {
    ConversionFinished event = ConversionFinished.of("video2mp3", "vc-1", "uid-1", Phase.Succeeded,
        new ConversionOutput("uid-1", 123L, 600.0, "192k"), alice, "talk.mp4", "", Instant.now());

    assertThat(codec.decode(codec.encode(event), ConversionFinished.class)).isEqualTo(event);
    assertThat(event.messageId()).isEqualTo("uid-1/finished");
  }

  @Test
  void theOwnersAccountIdTravelsWithBothEvents() throws Exception {
    Owner owner = new Owner("alice", "alice@example.com", "0b7c6a1e-2f4d-4c55-9e1a-5d6f7a8b9c0d");
    ConversionRequested requested = ConversionRequested.of("ns", "vc-1", Source.upload("665f0000000000000000abcd", "a.mp4"),
        OutputSpec.mp3("192k"), owner, Instant.parse("2026-11-22T10:00:00Z"));
    ConversionFinished finished = ConversionFinished.of("ns", "vc-1", "uid-1", Phase.Failed, null, owner, "a.mp4",
        "no audio", Instant.parse("2026-11-22T10:00:00Z"));

    assertThat(new String(codec.encode(requested), StandardCharsets.UTF_8))
        .contains("\"uid\":\"0b7c6a1e-2f4d-4c55-9e1a-5d6f7a8b9c0d\"");
    assertThat(codec.decode(codec.encode(requested), ConversionRequested.class).owner()).isEqualTo(owner);
    assertThat(codec.decode(codec.encode(finished), ConversionFinished.class).owner()).isEqualTo(owner);
    // Without a uid (kubectl users) the field is left out, and the owner is nobody's account.
    assertThat(new String(codec.encode(ConversionRequested.of("ns", "vc-2", Source.upload("665f0000000000000000abcd", "a.mp4"),
        OutputSpec.mp3("192k"), alice, Instant.now())), StandardCharsets.UTF_8)).doesNotContain("uid");
    assertThat(alice.isAccount(null)).isFalse();
    assertThat(owner.isAccount("0b7c6a1e-2f4d-4c55-9e1a-5d6f7a8b9c0d")).isTrue();
  }

  @Test
  void unknownFieldsAreTolerated() throws Exception {
    String json = """
        {"type":"ConversionRequested","version":1,"namespace":"ns","name":"vc-1","extra":true,
         "source":{"url":"https://example.com/a.mp4"},"output":{"format":"mp3","bitrate":"128k"},
         "owner":{"username":"bob","email":"bob@example.com"}}""";

    assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), ConversionRequested.class).source().url())
        .isEqualTo("https://example.com/a.mp4");
  }

  @Test
  void badJsonIsInvalid() {
    assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8), ConversionRequested.class))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("not a ConversionRequested JSON document");
  }

  @Test
  void missingFieldsAreInvalid() {
    String json = """
        {"type":"ConversionRequested","version":1,"namespace":"ns","name":"vc-1",
         "output":{"format":"mp3","bitrate":"128k"},"owner":{"username":"bob","email":"bob@example.com"}}""";

    assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), ConversionRequested.class))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("source is required");
  }

  @Test
  void wrongTypeOrVersionIsInvalid() {
    String wrongType = "{\"type\":\"ConversionFinished\",\"version\":1}";
    String wrongVersion = "{\"type\":\"ConversionRequested\",\"version\":7}";
    String unknownFormat = """
        {"type":"ConversionRequested","version":1,"namespace":"ns","name":"vc-1","source":{"url":"https://x/y"},
         "output":{"format":"flac","bitrate":"128k"},"owner":{"username":"bob","email":"bob@example.com"}}""";

    assertThatThrownBy(() -> codec.decode(wrongType.getBytes(StandardCharsets.UTF_8), ConversionRequested.class))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("type must be ConversionRequested");
    assertThatThrownBy(() -> codec.decode(wrongVersion.getBytes(StandardCharsets.UTF_8), ConversionRequested.class))
        .isInstanceOf(InvalidMessageException.class).hasMessageContaining("unsupported version 7");
    assertThatThrownBy(() -> codec.decode(unknownFormat.getBytes(StandardCharsets.UTF_8), ConversionRequested.class))
        .isInstanceOf(InvalidMessageException.class);
  }

  @Test
  void succeededWithoutOutputCannotBeBuilt() {
    assertThatThrownBy(() -> ConversionFinished.of("ns", "vc-1", "uid", Phase.Succeeded, null, alice, null, null, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output.fileId");
    assertThatThrownBy(() -> ConversionFinished.of("ns", "vc-1", "uid", Phase.Running, null, alice, null, null, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Succeeded or Failed");
  }
}
