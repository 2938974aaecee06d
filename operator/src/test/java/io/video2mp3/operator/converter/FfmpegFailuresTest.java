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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** What no failure message may contain: network details, internal URLs, ffmpeg's demuxer lists. */
  private static final String[] LEAKS = {"127.0.0.1", "10.0.0.7", ":8080", "Connection refused", "End of file",
      "4XX", "Client Error", "http://", "tcp://", "ftp://", "mov,mp4", "Exception", "SOURCE_URL", "@ 0x"};

  @Test
  void notMediaIsPermanentWithoutTheInternalUrl() {
    ConversionException e = classify(1,
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5586574062c0] [error] moov atom not found",
        "[error] " + HOP + ": Invalid data found when processing input");

    assertThat(e.permanent()).isTrue();
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo(
        "not a convertible media file: the MP4/MOV index (moov atom) is missing: the file is incomplete")
        .doesNotContain(LEAKS);
  }

  /** The SSRF probe of issue 11: a playlist whose segment is an internal port, refused by the format whitelist. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hls    | playlist formats are not accepted",
      "dash   | playlist formats are not accepted",
      "concat | concat lists are not accepted",
      "sdp    | stream descriptions (SDP) are not accepted",
      "image2 | its format is not supported",
  })
  void refusedFormatsNameTheKindOfFileOnly(String demuxer, String reason) {
    ConversionException e = classify(1,
        "[" + demuxer + " @ 0x563621591280] [error] Format not on whitelist '" + FfmpegInput.ACCEPTED_FORMATS + "'",
        "[error] " + HOP + ": Invalid argument");

    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo("not a convertible media file: " + reason).doesNotContain(LEAKS)
        .doesNotContain(FfmpegInput.ACCEPTED_FORMATS);
  }

  /** Had a playlist's segment been opened, ffmpeg's words would tell whether an internal port answers. */
  @ParameterizedTest
  @ValueSource(strings = {
      "[tcp @ 0x1] [error] Connection to tcp://10.0.0.7:8080 failed: Connection refused",
      "[http @ 0x1] [error] HTTP error 404 Not Found",
      "[error] http://10.0.0.7:8080/seg.ts: Server returned 4XX Client Error, but not one of 40{0,1,3,4}",
      "[hls @ 0x1] [error] Error when loading first segment 'http://10.0.0.7:8080/seg.ts'",
      "[error] http://10.0.0.7:8080/x: End of file",
      "[hls @ 0x1] [error] Protocol 'http' not on whitelist 'file'!",
  })
  void networkWordsNeverReachTheMessage(String line) {
    ConversionException e = classify(1, line);

    assertThat(e.getMessage()).doesNotContain(LEAKS);
  }

  @Test
  void protocolRefusalIsPermanentAndSaysItRefersToOtherFiles() {
    ConversionException e = classify(1, "[hls @ 0x1] [error] Protocol 'https' not on whitelist 'http,tcp'!",
        "[error] " + HOP + ": Connection refused");

    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo(
        "not a convertible media file: it refers to other files or URLs, which is not accepted");
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
    assertThat(e.getMessage()).isEqualTo(FfmpegFailures.RETRIED).doesNotContain(LEAKS);
  }

  @Test
  void refusedOrBrokenHttpHopIsTransient() {
    assertThat(classify(1, "[tcp @ 0x1] [error] Connection to tcp://127.0.0.1:38319 failed: Connection refused",
        "[error] " + HOP + ": Connection refused"))
        .satisfies(e -> assertThat(e.permanent()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(LEAKS));
    assertThat(classify(1, "[http @ 0x1] [error] Stream ends prematurely at 1234, should be 99999",
        "[error] Error during demuxing: Input/output error").permanent()).isFalse();
    assertThat(classify(1, "[error] " + HOP + ": Connection reset by peer").permanent()).isFalse();
    assertThat(classify(1, "[error] " + HOP + ": Server returned 5XX Server Error reply").permanent()).isFalse();
  }

  @Test
  void readFailureOfTheSourceWinsOverFfmpegsWords() {
    JaffreeException e = new JaffreeAbnormalExitException("non-zero status: 1",
        List.of(new LogMessage(LogLevel.ERROR, "[error] " + HOP + ": Invalid data found when processing input")));

    ConversionException c = FfmpegFailures.classify("ffmpeg", e,
        Optional.of(new IOException("GridFS file 665f at mongodb-0.mongodb:27017 timed out")), Optional.empty());

    assertThat(c.permanent()).isFalse();
    assertThat(c.getMessage()).isEqualTo("reading the source failed; the conversion is retried");
  }

  @Test
  void readFailureOfAUrlSourceNamesAtMostItsHttpStatus() {
    assertThat(FfmpegFailures.readFailureReason(
        new IOException("SOURCE_URL 10.0.0.7: range request from byte 5 answered HTTP 503")))
        .isEqualTo("the source URL could not be fetched (HTTP 503)");
  }

  @Test
  void killedBySignalIsTransient() {
    assertThat(classify(137, "[error] whatever").getMessage()).isEqualTo("ffmpeg was killed (status 137)");
  }

  @Test
  void unknownErrorsGetTheGenericReason() {
    assertThat(classify(1).getMessage())
        .isEqualTo("not a convertible media file: the file is damaged or not in a supported format");
    assertThat(classify(1, "[error] file:/scratch/source-123.mp4: Invalid data found when processing input")
        .getMessage()).isEqualTo("not a convertible media file: its content is not a supported audio or video format");
  }
}
