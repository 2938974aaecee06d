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

  private static final String PLAYLIST = "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
      + "http://10.0.0.1:8080/segment.ts\n#EXT-X-ENDLIST\n";
  private static final String CONCAT = "ffconcat version 1.0\nfile 'http://10.0.0.1:8080/a.mp4'\n";

  private Path mp3(String name, String... metadata) throws Exception {
    Path file = dir.resolve(name);
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("ffmpeg", "-hide_banner",
        "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1"));
    command.addAll(java.util.List.of(metadata));
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return file;
  }

  /** The ID3v2 tag ffmpeg wrote at the start of the file, with its syncsafe size. */
  private static byte[] id3Tag(byte[] mp3) {
    int size = (mp3[6] << 21) | (mp3[7] << 14) | (mp3[8] << 7) | mp3[9];
    return java.util.Arrays.copyOf(mp3, 10 + size);
  }

  private static byte[] concat(byte[] first, String text) {
    byte[] second = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void id3TaggedMp3WithALargeTagIsRecognisedPastTheTag() throws Exception {
    Path file = mp3("tagged.mp3", "-metadata", "title=Talk", "-metadata", "comment=" + "x".repeat(20_000));
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = MediaSniffer.readHead(in);
    }

    assertThat(head[0]).isEqualTo((byte) 'I');
    assertThat(head.length).as("read past the tag").isGreaterThan(20_000);
    assertThat(MediaSniffer.detect(head)).contains("audio");
    assertThat(MediaSniffer.detect(java.util.Arrays.copyOf(head, MediaSniffer.HEAD_BYTES))).isEmpty();
  }

  /** The attack: a real ID3 tag (as ffmpeg writes it) in front of a playlist or a concat list. */
  @ParameterizedTest
  @ValueSource(strings = {PLAYLIST, CONCAT, "v=0\no=- 0 0 IN IP4 10.0.0.1\ns=x\nc=IN IP4 10.0.0.1\n",
      "concat:http://10.0.0.1/a.mp4|http://10.0.0.1/b.mp4", "\u0000\u0000\u0000"})
  void id3TagInFrontOfAnythingButMpegAudioIsRefused(String content) throws Exception {
    byte[] tag = id3Tag(Files.readAllBytes(mp3("tag.mp3", "-metadata", "title=Talk")));
    byte[] file = concat(tag, content + "\n".repeat(600));

    assertThat(MediaSniffer.detect(MediaSniffer.readHead(new java.io.ByteArrayInputStream(file)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {PLAYLIST, CONCAT, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nhttp://127.0.0.1/v.m3u8\n",
      "v=0\no=- 0 0 IN IP4 127.0.0.1\n", "concat:a.mp4|b.mp4", "ID3", "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000"})
  void playlistsAndTextFormatsAreRefused(String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MediaSniffer.detect(MediaSniffer.readHead(new java.io.ByteArrayInputStream(bytes)))).isEmpty();
  }

  @Test
  void frameSyncWithReservedFieldsIsNotMpegAudio() {
    byte[] reservedRate = {(byte) 0xFF, (byte) 0xFB, (byte) 0x9C, 0, 0, 0, 0, 0};
    byte[] freeBitrate = {(byte) 0xFF, (byte) 0xFB, (byte) 0x00, 0, 0, 0, 0, 0};
    byte[] reservedVersion = {(byte) 0xFF, (byte) 0xEB, (byte) 0x90, 0, 0, 0, 0, 0};
    byte[] valid = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0, 0, 0, 0, 0};

    assertThat(MediaSniffer.detect(reservedRate)).isEmpty();
    assertThat(MediaSniffer.detect(freeBitrate)).isEmpty();
    assertThat(MediaSniffer.detect(reservedVersion)).isEmpty();
    assertThat(MediaSniffer.detect(valid)).contains("MPEG audio");
  }
}
