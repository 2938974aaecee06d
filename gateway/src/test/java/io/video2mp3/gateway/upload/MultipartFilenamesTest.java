package io.video2mp3.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartFilenamesTest {

  @Test
  void undoesTheEscapesBrowsersWrite() {
    assertThat(MultipartFilenames.decode("Our %22best%22 talk.mp4")).isEqualTo("Our \"best\" talk.mp4");
    assertThat(MultipartFilenames.decode("two%0D%0Alines.mp4")).isEqualTo("two\r\nlines.mp4");
  }

  @Test
  void leavesEveryOtherPercentSequenceAsTheFileIsCalled() {
    assertThat(MultipartFilenames.decode("100%25 done %41.mp4")).isEqualTo("100%25 done %41.mp4");
    assertThat(MultipartFilenames.decode("lower %0a case.mp4")).isEqualTo("lower %0a case.mp4");
    assertThat(MultipartFilenames.decode(null)).isNull();
  }
}
