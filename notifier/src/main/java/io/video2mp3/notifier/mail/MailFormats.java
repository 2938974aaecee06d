package io.video2mp3.notifier.mail;

import java.util.Locale;

/** Human-readable values for the email body, and HTML escaping of everything interpolated. */
public final class MailFormats {

  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private MailFormats() {
  }

  /** Binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 9.4 MiB}; unknown when null. */
  public static String size(Long bytes) {
    if (bytes == null || bytes < 0) {
      return "unknown";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    // 1023.96 KiB would print as "1024.0 KiB": show the next unit instead.
    if (Math.round(value * 10) >= 10240 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code m:ss} below an hour, {@code h:mm:ss} above; rounded to the second; unknown when null. */
  public static String duration(Double seconds) {
    if (seconds == null || seconds.isNaN() || seconds.isInfinite() || seconds < 0) {
      return "unknown";
    }
    long total = Math.round(seconds);
    long hours = total / 3600;
    long minutes = (total % 3600) / 60;
    long secs = total % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }

  public static String escapeHtml(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Drops control characters (CR/LF would otherwise break headers and lines) and trims. */
  public static String singleLine(String value, int maxLength) {
    if (value == null) {
      return "";
    }
    // Controls (C0, C1) become spaces; the invisible characters that reorder text (bidirectional
    // marks, embeddings, overrides, isolates) go: "\u202Efdp.exe" must not read as "exe.pdf".
    String cleaned = value.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ")
        .replaceAll("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "")
        .trim();
    return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) + "…" : cleaned;
  }
}
