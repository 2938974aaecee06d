package io.video2mp3.notifier.mail;

import jakarta.mail.internet.InternetAddress;

/** One composed email: plain text with an HTML alternative; {@code eventId} goes into a header for tracing. */
public record Email(InternetAddress to, String subject, String text, String html, String eventId) {
}
