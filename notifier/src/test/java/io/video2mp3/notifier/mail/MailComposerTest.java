package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.InvalidMessageException;
import io.video2mp3.notifier.Events;
import org.junit.jupiter.api.Test;

class MailComposerTest {

  private final MailComposer composer = new MailComposer("https://mp3.example.com/", 7);

  @Test
  void successMailNamesTheFileAndCarriesLinkAndFileId() throws Exception {
    ConversionFinished event = Events.succeeded("bob@example.com", "uploads/My Talk.final.mp4");
    String id = event.output().fileId();

    Email mail = composer.compose(event);

    assertThat(mail.to().getAddress()).isEqualTo("bob@example.com");
    assertThat(mail.subject()).isEqualTo("Your MP3 is ready: My Talk.final.mp3");
    assertThat(mail.eventId()).isEqualTo(id + "/finished");
    assertThat(mail.text())
        .contains("File: My Talk.final.mp3")
        .contains("Duration: 10:15")
        .contains("Size: 9.4 MiB")
        .contains("Download: https://mp3.example.com/download?fid=" + id + "\n")
        .containsPattern("(?m)^mp3 file_id: " + id + "$")
        .contains("kept for 7 days, until 2026-11-29 10:00 UTC");
    assertThat(mail.html())
        .contains("<a href=\"https://mp3.example.com/download?fid=" + id + "\">")
        .contains("mp3 file_id: " + id)
        .contains("9.4 MiB");
  }

  @Test
  void failureMailGivesTheReason() throws Exception {
    ConversionFinished event = Events.failed("bob@example.com", "C:\\videos\\holiday.mov", "no audio stream");

    Email mail = composer.compose(event);

    assertThat(mail.subject()).isEqualTo("Conversion failed: holiday");
    assertThat(mail.text()).contains("Reason: no audio stream").doesNotContain("file_id");
    assertThat(mail.html()).contains("Reason: no audio stream");
  }

  @Test
  void failureWithoutReasonSaysSo() throws Exception {
    Email mail = composer.compose(Events.failed("bob@example.com", "a.mp4", " "));
    assertThat(mail.text()).contains("Reason: no reason was given");
  }

  @Test
  void everythingInterpolatedIntoHtmlIsEscaped() throws Exception {
    ConversionFinished event = Events.failed("bob@example.com", "<img src=x onerror=alert(1)>.mp4",
        "bad <b>input</b> & \"quotes\"");

    Email mail = composer.compose(event);

    assertThat(mail.html())
        .doesNotContain("<img").doesNotContain("<b>")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("bad &lt;b&gt;input&lt;/b&gt; &amp; &quot;quotes&quot;");
    // the plain-text part is not HTML: it keeps the characters as they are
    assertThat(mail.text()).contains("bad <b>input</b> & \"quotes\"");
  }

  @Test
  void fallsBackToTheConversionNameWithoutFilename() throws Exception {
    ConversionFinished noName = Events.succeeded("bob@example.com", null);
    ConversionFinished emptyBase = Events.succeeded("bob@example.com", "dir/.mp4");

    assertThat(composer.compose(noName).subject()).isEqualTo("Your MP3 is ready: " + noName.name() + ".mp3");
    assertThat(composer.compose(emptyBase).subject()).isEqualTo("Your MP3 is ready: " + emptyBase.name() + ".mp3");
  }

  @Test
  void headerInjectionThroughTheFilenameIsNeutralised() throws Exception {
    Email mail = composer.compose(Events.succeeded("bob@example.com", "evil\r\nBcc: all@example.com.mp4"));
    assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void bidirectionalOverridesAndC1ControlsNeverReachTheSubject() throws Exception {
    Email mail = composer.compose(Events.succeeded("bob@example.com", "invoice_\u202Efdp\u2066\u200F.exe\u0085x.mp4"));

    assertThat(mail.subject()).isEqualTo("Your MP3 is ready: invoice_fdp.exe x.mp3");
    assertThat(mail.text()).doesNotContain("\u202E").doesNotContain("\u0085");
  }

  @Test
  void unknownSizeAndDurationAreSaidPlainly() throws Exception {
    ConversionFinished event = ConversionFinished.of("ns", "vc-1", "uid-1", Phase.Succeeded,
        new io.video2mp3.api.conversion.ConversionOutput("uid-1", null, null, null),
        new Owner("alice", "alice@example.com"), "a.mp4", null, null);

    Email mail = composer.compose(event);

    assertThat(mail.text()).contains("Duration: unknown").contains("Size: unknown")
        .contains("The file is kept for 7 days; download it before then.");
  }

  @Test
  void anUnusableRecipientIsAnInvalidMessage() {
    ConversionFinished event = Events.succeeded("not an address", "a.mp4");
    assertThatThrownBy(() -> composer.compose(event)).isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("owner.email");
  }

  @Test
  void fileIdIsUrlEncodedInTheLink() {
    assertThat(composer.downloadLink("a b&c")).isEqualTo("https://mp3.example.com/download?fid=a+b%26c");
  }
}
