package io.video2mp3.operator.converter;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.log.LogMessage;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed ffmpeg/ffprobe run into a one-line reason and a permanent/transient verdict. */
final class FfmpegFailures {

  private static final Pattern STATUS = Pattern.compile("non-zero status: (-?\\d+)");

  /**
   * ffmpeg's words for "the connection to the input broke": about the converter's own loopback hop
   * (or the network under it), never about the video's bytes. Includes the FTP hop's words, which
   * jaffree's ChannelInput produced before the converter served its input over HTTP.
   */
  private static final Pattern INPUT_HOP_FAILURE = Pattern.compile("(?i)connection refused|connection reset"
      + "|broken pipe|timed out|cannot open control connection|ftp open failed|error in the pull function"
      + "|stream ends prematurely|end of file while|input/output error|http error \\d{3}|server returned \\d");

  /** A URL ffmpeg names as the context of a message: our loopback input, a scratch file, or the FTP hop. */
  private static final Pattern INPUT_URL = Pattern.compile("((ftp|tcp|https?)://|file:)[^\\s:]+(:\\d+)?[^\\s:]*:?\\s*");

  private FfmpegFailures() {
  }

  /**
   * ffmpeg's own error on the input is permanent (the same bytes fail the same way again), unless
   * reading the source failed underneath it, the connection to the converter's input hop broke, or
   * the process was killed by a signal (OOM, eviction): those may pass on a retry.
   */
  static ConversionException classify(String tool, JaffreeException e, Optional<IOException> readFailure,
      Optional<String> outputFailure) {
    if (readFailure.isPresent()) {
      return ConversionException.transientFailure("reading the source failed: " + readFailure.get().getMessage(), e);
    }
    if (outputFailure.isPresent()) {
      return ConversionException.transientFailure(outputFailure.get(), e);
    }
    if (e instanceof JaffreeAbnormalExitException abnormal) {
      int status = exitStatus(abnormal.getMessage());
      String reason = reason(abnormal.getProcessErrorLogMessages());
      if (status > 128 || status < 0) {
        return ConversionException.transientFailure(tool + " was killed (status " + status + ")", e);
      }
      if (INPUT_HOP_FAILURE.matcher(reason).find()) {
        return ConversionException.transientFailure(
            tool + " lost its connection to the converter's local input server: " + reason, e);
      }
      return new ConversionException(true, "not a convertible media file: " + reason, e);
    }
    return ConversionException.transientFailure(tool + " failed: " + oneLine(e.getMessage()), e);
  }

  /** The most telling error lines, e.g. "moov atom not found" or "Invalid data found when processing input". */
  static String reason(List<LogMessage> errors) {
    if (errors == null || errors.isEmpty()) {
      return "ffmpeg reported an error";
    }
    return errors.stream()
        .map(m -> m.message)
        .filter(Objects::nonNull)
        .map(FfmpegFailures::stripContext)
        .filter(m -> !m.isBlank())
        .distinct()
        .reduce((a, b) -> a + "; " + b)
        .map(FfmpegFailures::oneLine)
        .orElse("ffmpeg reported an error");
  }

  /**
   * "[mov,mp4 @ 0x55d] [error] moov atom not found" → "moov atom not found". Input URLs are the
   * converter's internal ones (a random loopback port and path, a scratch file): meaningless to the
   * user, and they would make equal failures look different.
   */
  static String stripContext(String line) {
    String s = line.replaceAll("^(\\[[^\\]]*\\]\\s*)+", "");
    s = INPUT_URL.matcher(s).replaceAll("");
    return s.replaceAll("Connection to\\s+failed", "Connection failed").trim();
  }

  static int exitStatus(String message) {
    Matcher m = STATUS.matcher(message == null ? "" : message);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  static String oneLine(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return flat.length() <= 400 ? flat : flat.substring(0, 397) + "...";
  }
}
