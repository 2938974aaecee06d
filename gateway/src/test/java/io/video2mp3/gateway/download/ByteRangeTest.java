package io.video2mp3.gateway.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.gateway.download.ByteRange.UnsatisfiableRangeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @Test
  void closedRange() {
    assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
  }

  @Test
  void openRangeRunsToTheEnd() {
    assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
  }

  @Test
  void endPastTheFileIsClamped() {
    assertThat(ByteRange.parse("bytes=10-5000", 1000)).contains(new ByteRange(10, 999));
  }

  @Test
  void suffixRangeIsTheLastBytes() {
    assertThat(ByteRange.parse("bytes=-10", 1000)).contains(new ByteRange(990, 999));
    assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
  }

  @Test
  void unitIsCaseInsensitive() {
    assertThat(ByteRange.parse("Bytes=1-2", 10)).contains(new ByteRange(1, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "items=0-1", "bytes=0-1,5-6", "bytes=abc-", "bytes=5-2", "bytes=-", "bytes=7"})
  void anythingElseIsIgnored(String header) {
    assertThat(ByteRange.parse(header, 1000)).isEmpty();
  }

  @Test
  void absentHeaderIsIgnored() {
    assertThat(ByteRange.parse(null, 1000)).isEmpty();
  }

  @Test
  void startAtOrPastTheEndIsUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(UnsatisfiableRangeException.class);
  }

  @Test
  void lengthCountsBothEnds() {
    assertThat(new ByteRange(5, 5).length()).isEqualTo(1);
  }
}
