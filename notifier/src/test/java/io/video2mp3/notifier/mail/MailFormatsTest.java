package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailFormatsTest {

  @Test
  void sizesAreHumanReadableInBinaryUnits() {
    assertThat(MailFormats.size(0L)).isEqualTo("0 B");
    assertThat(MailFormats.size(1023L)).isEqualTo("1023 B");
    assertThat(MailFormats.size(1024L)).isEqualTo("1.0 KiB");
    assertThat(MailFormats.size(1536L)).isEqualTo("1.5 KiB");
    assertThat(MailFormats.size(9_856_000L)).isEqualTo("9.4 MiB");
    assertThat(MailFormats.size(1024L * 1024 - 1)).isEqualTo("1.0 MiB");
    assertThat(MailFormats.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    assertThat(MailFormats.size(null)).isEqualTo("unknown");
    assertThat(MailFormats.size(-1L)).isEqualTo("unknown");
  }

  @Test
  void durationsAreMinutesOrHours() {
    assertThat(MailFormats.duration(0.0)).isEqualTo("0:00");
    assertThat(MailFormats.duration(5.4)).isEqualTo("0:05");
    assertThat(MailFormats.duration(615.6)).isEqualTo("10:16");
    assertThat(MailFormats.duration(3600.0)).isEqualTo("1:00:00");
    assertThat(MailFormats.duration(3723.0)).isEqualTo("1:02:03");
    assertThat(MailFormats.duration(null)).isEqualTo("unknown");
    assertThat(MailFormats.duration(Double.NaN)).isEqualTo("unknown");
  }

  @Test
  void escapesEveryHtmlSpecialCharacter() {
    assertThat(MailFormats.escapeHtml("<a href=\"x\">Tom & Jerry's</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assertThat(MailFormats.escapeHtml(null)).isEmpty();
  }

  @Test
  void singleLineDropsControlCharactersAndBoundsLength() {
    assertThat(MailFormats.singleLine(" a\r\nBcc: x@y\t", 100)).isEqualTo("a Bcc: x@y");
    assertThat(MailFormats.singleLine("abcdef", 3)).isEqualTo("abc…");
  }
}
