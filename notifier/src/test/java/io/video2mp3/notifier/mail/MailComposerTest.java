package io.video2mp3.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.InvalidMessageException;
import io.video2mp3.notifier.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private final SignedLink links = SignedLink.fromSecret(Events.LINK_SECRET);
  private final MailComposer composer = new MailComposer("https://mp3.example.com/", 7, links,
      Clock.fixed(NOW, ZoneOffset.UTC));

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
        .contains("Download: " + composer.downloadLink(event) + "\n")
        .containsPattern("(?m)^mp3 file_id: " + id + "$")
        .contains("kept for 7 days, until 2026-11-29 10:00 UTC");
    assertThat(mail.html())
        .contains("<a href=\"" + MailFormats.escapeHtml(composer.downloadLink(event)) + "\">")
        .contains("mp3 file_id: " + id)
        .contains("9.4 MiB");
  }

  @Test
  void failureMailGivesTheReason() throws Exception {
    ConversionFinished event = Events.failed("bob@example.com", "C:\\videos\\holiday.mov", "no audio stream");

    Email mail = composer.compose(event);

    assertThat(mail.subject()).isEqualTo("Conversion failed: holiday");
    assertThat(mail.text()).contains("Reason: no audio stream").doesNotContain("file_id")
        .contains("uploading it again gives the same result").contains("Try another file");
    assertThat(mail.html()).contains("Reason: no audio stream").contains("uploading it again gives the same result");
  }

  @Test
  void onlyAFailureThatMayBeTemporarySuggestsUploadingAgain() {
    assertThat(MailComposer.advice("BackoffLimitExceeded: Job has reached the specified backoff limit"))
        .contains("upload the file again later");
    assertThat(MailComposer.advice("not a convertible media file: moov atom not found"))
        .doesNotContain("upload the file again");
    assertThat(MailComposer.advice("the input cannot be converted to audio")).doesNotContain("upload the file again");
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
        .contains("The file and this link are kept for 7 days; download it before then.");
  }

  @Test
  void anUnusableRecipientIsAnInvalidMessage() {
    ConversionFinished event = Events.succeeded("not an address", "a.mp4");
    assertThatThrownBy(() -> composer.compose(event)).isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("owner.email");
  }

  @Test
  void theLinkIsSignedForTheFileAndOwnerUntilTheRetentionEnds() {
    ConversionFinished event = Events.succeeded("bob@example.com", "a.mp4");
    String link = composer.downloadLink(event);

    assertThat(link).startsWith("https://mp3.example.com/download/signed?fid=" + event.output().fileId() + "&owner=alice&");
    Map<String, String> query = query(link);
    Instant retentionEnd = Events.FINISHED_AT.plus(Duration.ofDays(7));
    assertThat(links.verify(query.get("fid"), query.get("owner"), query.get("exp"), query.get("sig"), NOW))
        .isEqualTo(new SignedLink.Valid(new SignedLink.Grant(event.output().fileId(), "alice", retentionEnd)));
  }

  @Test
  void withoutAFinishTimeTheLinkRunsFromNow() {
    ConversionFinished event = ConversionFinished.of("ns", "vc-1", "uid-1", Phase.Succeeded,
        new io.video2mp3.api.conversion.ConversionOutput("uid-1", 1L, 1.0, null),
        new Owner("alice", "alice@example.com"), "a.mp4", null, null);
    assertThat(query(composer.downloadLink(event)).get("exp"))
        .isEqualTo(String.valueOf(NOW.plus(Duration.ofDays(7)).getEpochSecond()));
  }

  private static Map<String, String> query(String link) {
    Map<String, String> values = new HashMap<>();
    for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
      values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return values;
  }
}
