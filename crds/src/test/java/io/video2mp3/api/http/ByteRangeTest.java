package io.video2mp3.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'bytes=0-',       0, 999",
      "'bytes=10-19',   10,  19",
      "'bytes=990-5000', 990, 999",
      "'bytes=-100',   900, 999",
      "'bytes=-5000',    0, 999",
      "' bytes=5-5 ',    5,   5",
      "'Bytes=1-2',      1,   2",
  })
  void satisfiable(String header, long first, long last) {
    assertThat(ByteRange.parse(Optional.of(header), 1000))
        .isEqualTo(new ByteRange.Partial(new ByteRange(first, last, 1000)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bytes=1000-", "bytes=2000-3000", "bytes=-0"})
  void unsatisfiable(String header) {
    assertThat(ByteRange.parse(Optional.of(header), 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  /** RFC 9110 lets a server ignore a Range it does not support: the whole resource, 200. */
  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=20-10", "bytes=0-1,5-6", "items=0-1", "bytes=x-", "bytes=7"})
  void ignored(String header) {
    assertThat(ByteRange.parse(Optional.of(header), 1000)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.parse(Optional.empty(), 1000)).isInstanceOf(ByteRange.Whole.class);
  }

  @Test
  void nothingOfAnEmptyResourceIsSatisfiable() {
    assertThat(ByteRange.parse(Optional.of("bytes=-5"), 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.parse(Optional.of("bytes=0-"), 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, 0, 1, 'bytes 0-0/1'", "10, 19, 1000, 'bytes 10-19/1000'"})
  void contentRangeAndLength(long first, long last, long size, String contentRange) {
    ByteRange range = new ByteRange(first, last, size);

    assertThat(range.contentRange()).isEqualTo(contentRange);
    assertThat(range.length()).isEqualTo(last - first + 1);
  }
}
