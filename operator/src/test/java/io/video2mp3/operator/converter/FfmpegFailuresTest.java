package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.log.LogMessage;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Error lines as ffmpeg 5.1 prints them and jaffree collects them. */
class FfmpegFailuresTest {

  private static final String HOP = "http://127.0.0.1:38319/8f7039ffa1e55e6eea60eb49efb2fc9b/video.mp4";

  private static ConversionException classify(int status, String... errorLines) {
    List<LogMessage> errors = Arrays.stream(errorLines).map(l -> new LogMessage(LogLevel.ERROR, l)).toList();
    JaffreeException e = new JaffreeAbnormalExitException(
        "Process execution has ended with non-zero status: " + status + ". Check logs for detailed error message.",
        errors);
    return FfmpegFailures.classify("ffmpeg", e, Optional.empty(), Optional.empty());
  }

  @Test
  void notMediaIsPermanentWithoutTheInternalUrl() {
    ConversionException e = classify(1,
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5586574062c0] [error] moov atom not found",
        "[error] " + HOP + ": Invalid data found when processing input");

    assertThat(e.permanent()).isTrue();
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage())
        .isEqualTo("not a convertible media file: moov atom not found; Invalid data found when processing input");
  }

  /** The e2e failure: jaffree's single-connection FTP hop refused ffmpeg's reconnect. */
  @Test
  void refusedFtpHopIsTransient() {
    ConversionException e = classify(1,
        "[tcp @ 0x55d0] [error] Connection to tcp://127.0.0.1:40125 failed: Connection refused",
        "[ftp @ 0x55d1] [error] Cannot open control connection",
        "[error] ftp://127.0.0.1:40125/video.mp4: Connection refused");

    assertThat(e.permanent()).isFalse();
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.getMessage()).startsWith("ffmpeg lost its connection to the converter's local input server: ")
        .contains("Connection failed: Connection refused", "Cannot open control connection")
        .doesNotContain("127.0.0.1", "ftp://", "not a convertible");
  }

  @Test
  void refusedOrBrokenHttpHopIsTransient() {
    assertThat(classify(1, "[tcp @ 0x1] [error] Connection to tcp://127.0.0.1:38319 failed: Connection refused",
        "[error] " + HOP + ": Connection refused"))
        .satisfies(e -> assertThat(e.permanent()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("127.0.0.1", HOP));
    assertThat(classify(1, "[http @ 0x1] [error] Stream ends prematurely at 1234, should be 99999",
        "[error] Error during demuxing: Input/output error").permanent()).isFalse();
    assertThat(classify(1, "[error] " + HOP + ": Connection reset by peer").permanent()).isFalse();
    assertThat(classify(1, "[error] " + HOP + ": Server returned 5XX Server Error reply").permanent()).isFalse();
  }

  @Test
  void readFailureOfTheSourceWinsOverFfmpegsWords() {
    JaffreeException e = new JaffreeAbnormalExitException("non-zero status: 1",
        List.of(new LogMessage(LogLevel.ERROR, "[error] " + HOP + ": Invalid data found when processing input")));

    ConversionException c = FfmpegFailures.classify("ffmpeg", e, Optional.of(new IOException("GridFS timed out")),
        Optional.empty());

    assertThat(c.permanent()).isFalse();
    assertThat(c.getMessage()).isEqualTo("reading the source failed: GridFS timed out");
  }

  @Test
  void killedBySignalIsTransient() {
    assertThat(classify(137, "[error] whatever").getMessage()).isEqualTo("ffmpeg was killed (status 137)");
  }

  @Test
  void scratchFileUrlIsStripped() {
    assertThat(FfmpegFailures.stripContext(
        "[error] file:/scratch/source-123.mp4: Invalid data found when processing input"))
        .isEqualTo("Invalid data found when processing input");
  }

  @Test
  void noErrorLines() {
    assertThat(classify(1).getMessage()).isEqualTo("not a convertible media file: ffmpeg reported an error");
  }
}
