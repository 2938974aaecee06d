package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
