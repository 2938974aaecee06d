package io.video2mp3.notifier.mail;

import static io.video2mp3.notifier.mail.MailFormats.escapeHtml;

import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.messaging.ConversionFinished;
import io.video2mp3.api.messaging.InvalidMessageException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a finished conversion into the email its owner receives. Pure: no I/O. */
public class MailComposer {

  private static final int MAX_NAME_LENGTH = 200;
  /** How the converter words an input that can never convert (its exit 2); uploading it again cannot help. */
  private static final Pattern NOT_CONVERTIBLE = Pattern.compile(
      "(?i)not a convertible|no audio|cannot be converted|NotConvertible");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String publicBaseUrl;
  private final int retentionDays;
  private final SignedLink links;
  private final Clock clock;

  public MailComposer(String publicBaseUrl, int retentionDays, SignedLink links, Clock clock) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.retentionDays = retentionDays;
    this.links = links;
    this.clock = clock;
  }

  /** @throws InvalidMessageException when the owner's address can never receive mail (dead-letter it) */
  public Email compose(ConversionFinished event) throws InvalidMessageException {
    InternetAddress to = recipient(event.owner().email());
    String name = originalName(event);
    return event.phase() == Phase.Succeeded ? success(event, to, name) : failure(event, to, name);
  }

  /** Basename of the source file without its extension; the conversion's name when there is none. */
  public static String originalName(ConversionFinished event) {
    String filename = event.filename();
    if (filename != null) {
      String base = filename.replace('\\', '/');
      base = base.substring(base.lastIndexOf('/') + 1);
      int dot = base.lastIndexOf('.');
      if (dot >= 0) {
        base = base.substring(0, dot);
      }
      base = MailFormats.singleLine(base, MAX_NAME_LENGTH);
      if (!base.isEmpty()) {
        return base;
      }
    }
    return MailFormats.singleLine(event.name(), MAX_NAME_LENGTH);
  }

  /** The signed link that downloads the file without a login until its retention ends. */
  public String downloadLink(ConversionFinished event) {
    SignedLink.Grant grant = new SignedLink.Grant(event.output().fileId(), SignedLink.ownerKey(event.owner()),
        retentionEnd(event));
    return publicBaseUrl + SignedLink.PATH + "?" + links.query(grant);
  }

  /** The operator deletes a finished conversion this long after it finished; the link ends with it. */
  private Instant retentionEnd(ConversionFinished event) {
    Instant finished = event.finishedAt() != null ? event.finishedAt() : clock.instant();
    return finished.plus(Duration.ofDays(retentionDays));
  }

  private Email success(ConversionFinished event, InternetAddress to, String name) {
    ConversionOutput output = event.output();
    String fileId = output.fileId();
    String fileName = name + ".mp3";
    String link = downloadLink(event);
    String duration = MailFormats.duration(output.durationSeconds());
    String size = MailFormats.size(output.sizeBytes());
    String kept = retention(event);
    String greeting = greeting(event);

    String text = greeting + "\n\n"
        + "your MP3 is ready.\n\n"
        + "File: " + fileName + "\n"
        + "Duration: " + duration + "\n"
        + "Size: " + size + "\n\n"
        + "Download: " + link + "\n"
        + "mp3 file_id: " + fileId + "\n\n"
        + kept + "\n";
    String html = "<!DOCTYPE html>\n<html><body>\n"
        + "<p>" + escapeHtml(greeting) + "</p>\n"
        + "<p>your MP3 is ready.</p>\n"
        + "<table>\n"
        + row("File", fileName) + row("Duration", duration) + row("Size", size)
        + "</table>\n"
        + "<p><a href=\"" + escapeHtml(link) + "\">Download " + escapeHtml(fileName) + "</a></p>\n"
        + "<p>mp3 file_id: " + escapeHtml(fileId) + "</p>\n"
        + "<p>" + escapeHtml(kept) + "</p>\n"
        + "</body></html>\n";
    return new Email(to, "Your MP3 is ready: " + fileName, text, html, event.messageId());
  }

  private Email failure(ConversionFinished event, InternetAddress to, String name) {
    String reason = event.message() == null || event.message().isBlank()
        ? "no reason was given" : event.message().strip();
    String greeting = greeting(event);
    String advice = advice(reason);
    String text = greeting + "\n\n"
        + "the conversion of " + name + " to MP3 failed.\n\n"
        + "Reason: " + reason + "\n\n"
        + "Conversion: " + event.name() + "\n"
        + advice + "\n";
    String html = "<!DOCTYPE html>\n<html><body>\n"
        + "<p>" + escapeHtml(greeting) + "</p>\n"
        + "<p>the conversion of " + escapeHtml(name) + " to MP3 failed.</p>\n"
        + "<p>Reason: " + escapeHtml(reason) + "</p>\n"
        + "<p>Conversion: " + escapeHtml(event.name()) + "</p>\n"
        + "<p>" + escapeHtml(advice) + "</p>\n"
        + "</body></html>\n";
    return new Email(to, "Conversion failed: " + name, text, html, event.messageId());
  }

  /** A file that is not convertible fails the same way every time: only another file helps. */
  static String advice(String reason) {
    return NOT_CONVERTIBLE.matcher(reason).find()
        ? "This file cannot be converted, so uploading it again gives the same result. Try another file,"
            + " or export the video again (with its sound track) from the program that made it."
        : "This may have been a temporary problem: you can upload the file again later.";
  }

  private String retention(ConversionFinished event) {
    String days = retentionDays == 1 ? "1 day" : retentionDays + " days";
    if (event.finishedAt() == null) {
      return "The file and this link are kept for " + days + "; download it before then.";
    }
    return "The file and this link are kept for " + days + ", until " + DATE.format(retentionEnd(event))
        + "; download it before then.";
  }

  private static String greeting(ConversionFinished event) {
    String user = MailFormats.singleLine(event.owner().username(), 64);
    return user.isEmpty() ? "Hello," : "Hello " + user + ",";
  }

  private static String row(String label, String value) {
    return "<tr><td>" + escapeHtml(label) + "</td><td>" + escapeHtml(value) + "</td></tr>\n";
  }

  private static InternetAddress recipient(String email) throws InvalidMessageException {
    try {
      InternetAddress address = new InternetAddress(email, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new InvalidMessageException("owner.email is not a valid address: " + e.getMessage(), e);
    }
  }
}
