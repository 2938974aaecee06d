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
