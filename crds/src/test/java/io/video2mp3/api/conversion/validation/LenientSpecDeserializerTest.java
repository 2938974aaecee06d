package io.video2mp3.api.conversion.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.conversion.AudioFormat;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A spec that does not fit the Java types is read as an unreadable spec; the rest of the resource is intact. */
class LenientSpecDeserializerTest {

  private static VideoConversion read(String spec) {
    return Serialization.unmarshal("{\"apiVersion\":\"video2mp3.io/v1alpha1\",\"kind\":\"VideoConversion\","
        + "\"metadata\":{\"name\":\"bad\",\"namespace\":\"media\"},\"spec\":" + spec
        + ",\"status\":{\"phase\":\"Queued\"}}", VideoConversion.class);
  }

  @Test
  void aGoodSpecIsReadAsUsual() {
    VideoConversion vc = read("{\"source\":{\"url\":\"https://example.com/a.mp4\"},"
        + "\"output\":{\"format\":\"mp3\",\"bitrate\":\"128k\"},\"owner\":{\"username\":\"a\",\"email\":\"a@b.c\"},"
        + "\"timeoutSeconds\":60}");
    assertThat(vc.getSpec().unreadable()).isNull();
    assertThat(vc.getSpec().getOutput().format()).isEqualTo(AudioFormat.MP3);
    assertThat(vc.getSpec().getTimeoutSeconds()).isEqualTo(60);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"output\":{\"format\":\"flac\"}}|spec.output.format: unknown value flac (known: mp3)",
      "{\"timeoutSeconds\":99999999999}|spec.timeoutSeconds: ",
      "{\"retries\":\"two\"}|spec.retries: ",
      "{\"owner\":\"alice\"}|spec.owner: ",
      "{\"source\":[1,2]}|spec.source: ",
  })
  void aSpecThatDoesNotFitIsUnreadableAndSaysWhere(String spec, String reason) {
    VideoConversion vc = read(spec);
    assertThat(vc.getMetadata().getName()).isEqualTo("bad");
    assertThat(vc.getStatus().getPhase()).hasToString("Queued");
    assertThat(vc.getSpec().unreadable()).startsWith(reason).doesNotContain("io.video2mp3", "`");
    assertThat(VideoConversionSpecValidator.problem(vc.getSpec())).startsWith("spec cannot be read: " + reason);
  }

  @Test
  void anUnreadableSpecIsWrittenBackAsItWasStored() {
    VideoConversion copy = Serialization.unmarshal(Serialization.asJson(read("{\"retries\":\"two\"}")),
        VideoConversion.class);
    assertThat(Serialization.asJson(copy)).contains("\"spec\":{\"retries\":\"two\"}").doesNotContain("unreadable");
    assertThat(copy.getSpec().unreadable()).startsWith("spec.retries: ");
  }

  @Test
  void aReadableSpecIsWrittenAsUsual() {
    assertThat(Serialization.asJson(read("{\"retries\":3}"))).contains("\"spec\":{\"timeoutSeconds\":3600,\"retries\":3}");
  }
}
