package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminationMessageTest {

  @Test
  void parsesTheSuccessSummary() {
    var parsed = TerminationMessage.parse("{\"status\":\"Succeeded\",\"fileId\":\"u-1\",\"sizeBytes\":12345,"
        + "\"durationSeconds\":5.02,\"bitrate\":\"192k\",\"copied\":false,\"message\":\"encoded\",\"extra\":1}");
    assertThat(parsed).hasValueSatisfying(t -> {
      assertThat(t.succeeded()).isTrue();
      assertThat(t.fileId()).isEqualTo("u-1");
      assertThat(t.sizeBytes()).isEqualTo(12345L);
      assertThat(t.durationSeconds()).isEqualTo(5.02);
      assertThat(t.bitrate()).isEqualTo("192k");
      assertThat(t.copied()).isFalse();
      assertThat(t.message()).isEqualTo("encoded");
    });
  }

  @Test
  void parsesAFailure() {
    assertThat(TerminationMessage.parse("{\"status\":\"Failed\",\"message\":\"no audio stream\"}\n"))
        .hasValueSatisfying(t -> {
          assertThat(t.succeeded()).isFalse();
          assertThat(t.message()).isEqualTo("no audio stream");
        });
  }

  @Test
  void logTailFallbackUsesTheLastJsonLineOrTheLastLine() {
    assertThat(TerminationMessage.parse("starting\n{\"status\":\"Failed\",\"message\":\"x\"}\nbye"))
        .hasValueSatisfying(t -> assertThat(t.message()).isEqualTo("x"));
    assertThat(TerminationMessage.parse("Exception in thread main\n  at Foo\nOutOfMemoryError: heap  \n"))
        .hasValueSatisfying(t -> {
          assertThat(t.status()).isEqualTo("Failed");
          assertThat(t.message()).isEqualTo("OutOfMemoryError: heap");
        });
    assertThat(TerminationMessage.parse("{not json}")).hasValueSatisfying(t -> assertThat(t.message()).isEqualTo("{not json}"));
  }

  @Test
  void emptyMeansNothing() {
    assertThat(TerminationMessage.parse(null)).isEmpty();
    assertThat(TerminationMessage.parse("  \n")).isEmpty();
  }

  @Test
  void longMessagesAreCut() {
    String longMessage = "m".repeat(5000);
    assertThat(TerminationMessage.parse("{\"status\":\"Failed\",\"message\":\"" + longMessage + "\"}"))
        .hasValueSatisfying(t -> assertThat(t.message()).hasSize(TerminationMessage.MAX_MESSAGE).endsWith("..."));
  }
}
