package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaSnifferTest {

  @TempDir
  Path dir;

  /** Real containers, written by ffmpeg now; only their first bytes are looked at. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "clip.mp4, ISO base media (MP4/MOV/3GP)",
      "clip.mov, ISO base media (MP4/MOV/3GP)",
      "clip.mkv, Matroska/WebM",
      "clip.webm, Matroska/WebM",
      "clip.avi, AVI",
      "clip.ts, MPEG transport stream",
      "clip.mpg, MPEG program stream",
      "clip.flv, FLV",
      "clip.ogg, Ogg",
      "clip.wav, WAV",
      "clip.mp3, audio",
  })
  void recognisesWhatFfmpegWrites(String filename, String container) throws Exception {
    Path file = dir.resolve(filename);
    boolean audioOnly = filename.endsWith(".ogg") || filename.endsWith(".wav") || filename.endsWith(".mp3");
    ProcessBuilder ffmpeg = audioOnly
        ? new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "sine=duration=1", file.toString())
        : new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "sine=duration=1", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=25:duration=1",
            "-shortest", file.toString());
    Process process = ffmpeg.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    try (InputStream in = Files.newInputStream(file)) {
      assertThat(MediaSniffer.detect(in.readNBytes(MediaSniffer.HEAD_BYTES))).contains(container);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "just some text, not a video\n",
      "<!DOCTYPE html><html><body>hello</body></html>",
      "{\"json\": true}",
      "G",
      "GET / HTTP/1.1\r\nHost: example\r\n\r\n",
      "PK\u0003\u0004zip archive",
  })
  void refusesWhatIsNotMedia(String content) {
    assertThat(MediaSniffer.detect(content.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 7})
  void shortHeadsAreNotMedia(int length) {
    assertThat(MediaSniffer.detect(new byte[length])).isEmpty();
  }

  @Test
  void pngIsNotAVideo() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertThat(MediaSniffer.detect(png)).isEmpty();
  }
}
