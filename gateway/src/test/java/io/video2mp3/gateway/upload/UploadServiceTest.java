package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.gateway.error.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadServiceTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "talk.mp4|talk.mp4",
      "C:\\Users\\me\\Videos\\talk.mp4|talk.mp4",
      "../../etc/passwd|passwd",
      "  spaced.mkv  |spaced.mkv",
      "dir/|video",
      "''|video",
  })
  void keepsOnlyTheBaseName(String raw, String expected) {
    assertThat(UploadService.cleanFilename(raw)).isEqualTo(expected);
  }

  @Test
  void dropsControlCharactersAndBoundsTheLength() {
    assertThat(UploadService.cleanFilename("a\u0000b\r\nc.mp4")).isEqualTo("abc.mp4");
    assertThat(UploadService.cleanFilename(null)).isEqualTo("video");
    String longName = "x".repeat(500) + ".mp4";
    assertThat(UploadService.cleanFilename(longName)).hasSize(200).endsWith(".mp4");
  }

  @Test
  void dropsTheCharactersThatReorderOrHideText() {
    // "‮" (RIGHT-TO-LEFT OVERRIDE) would show "evil‮4pm.exe" as "evilexe.mp4".
    assertThat(UploadService.cleanFilename("evil\u202E4pm.exe")).isEqualTo("evil4pm.exe");
    assertThat(UploadService.cleanFilename(
        "a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl.mp4"))
        .isEqualTo("abcdefghijkl.mp4");
    assertThat(UploadService.cleanFilename("c1\u0085\u009Bx\u007F\u2028\u2029.mp4")).isEqualTo("c1x.mp4");
    assertThat(UploadService.cleanFilename("Größe 動画 \uD83C\uDFAC.mp4")).isEqualTo("Größe 動画 \uD83C\uDFAC.mp4");
  }

  @Test
  void aLongNameKeepsItsStartAndItsExtension() {
    String longName = "start-" + "动".repeat(600) + ".webm";
    String cleaned = UploadService.cleanFilename(longName);

    assertThat(cleaned).hasSize(200).startsWith("start-").endsWith("动.webm");
    assertThat(UploadService.cleanFilename("a".repeat(300))).hasSize(200);
    // A cut that would fall inside a surrogate pair falls before it.
    String emoji = "e".repeat(195) + "\uD83C\uDFAC".repeat(10) + ".mp4";
    assertThat(UploadService.cleanFilename(emoji)).isEqualTo("e".repeat(195) + ".mp4");
  }

  @Test
  void aMissingBitrateIsTheDefaultAndAGoodOneIsKept() {
    assertThat(UploadService.bitrate(null, "192k")).isEqualTo("192k");
    assertThat(UploadService.bitrate(" ", "192k")).isEqualTo("192k");
    assertThat(UploadService.bitrate("128k", "192k")).isEqualTo("128k");
    assertThat(UploadService.bitrate("320k", "192k")).isEqualTo("320k");
  }

  @ParameterizedTest
  @CsvSource({"128", "128K", "1000k", "16k", "321k", "128k;rm", "abc"})
  void aBadBitrateIsABadRequest(String bitrate) {
    assertThatThrownBy(() -> UploadService.bitrate(bitrate, "192k"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
        .hasMessageContaining("32k to 320k");
  }
}
