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

/**
 * Turns a failed ffmpeg/ffprobe run into a permanent/transient verdict and a user-facing reason
 * from a fixed vocabulary. ffmpeg's own words are never passed on: they name internal URLs and
 * addresses, network errors ("Connection refused", "4XX Client Error") that would tell a user
 * which internal ports answer, and ffmpeg's demuxer lists. The whole text goes to the log.
 */
final class FfmpegFailures {

  static final String NOT_CONVERTIBLE = "not a convertible media file: ";
  static final String RETRIED = "the converter could not read its input; the conversion is retried";

  private static final Pattern STATUS = Pattern.compile("non-zero status: (-?\\d+)");
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

  /**
   * ffmpeg's words for "the connection to the input broke": about the converter's own loopback hop
   * (or the network under it), never about the video's bytes.
   */
  private static final Pattern INPUT_HOP_FAILURE = Pattern.compile("(?i)connection refused|connection reset"
      + "|broken pipe|timed out|cannot open control connection|ftp open failed|error in the pull function"
      + "|stream ends prematurely|end of file while|input/output error|http error \\d{3}|server returned \\d");

  /** "[hls @ 0x55d] Format not on whitelist 'mov,...'": the demuxer ffmpeg detected is the context. */
  private static final Pattern REFUSED_FORMAT = Pattern.compile("^\\[([a-z0-9_]+)[^\\]]* @ [^\\]]*\\].*Format not on whitelist");

  /** Media conditions in ffmpeg's words (case-insensitive), and what the user reads for each; first match wins. */
  private static final List<Reason> MEDIA_REASONS = List.of(
      new Reason("not on whitelist", "it refers to other files or URLs, which is not accepted"),
      new Reason("moov atom not found", "the MP4/MOV index (moov atom) is missing: the file is incomplete"),
      new Reason("ebml header parsing failed", "the Matroska/WebM header is damaged"),
      new Reason("output file is empty|nothing was encoded|empty_output", "no audio could be decoded"),
      new Reason("decoder .*not found|unsupported codec|codec not currently supported",
          "its audio codec is not supported"),
      new Reason("could not find codec parameters", "its streams could not be decoded"),
      new Reason("invalid data found when processing input", "its content is not a supported audio or video format"));
  private static final String OTHER_MEDIA = "the file is damaged or not in a supported format";

  private record Reason(Pattern condition, String text) {
    Reason(String condition, String text) {
      this(Pattern.compile("(?i)" + condition), text);
    }
  }

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
      return ConversionException.transientFailure(readFailureReason(readFailure.get()), e);
    }
    if (outputFailure.isPresent()) {
      return ConversionException.transientFailure(outputFailure.get(), e);
    }
    if (e instanceof JaffreeAbnormalExitException abnormal) {
      int status = exitStatus(abnormal.getMessage());
      List<String> lines = lines(abnormal.getProcessErrorLogMessages());
      if (status > 128 || status < 0) {
        return ConversionException.transientFailure(tool + " was killed (status " + status + ")", e);
      }
      if (!refusedByWhitelist(lines) && lines.stream().anyMatch(l -> INPUT_HOP_FAILURE.matcher(l).find())) {
        return ConversionException.transientFailure(RETRIED, e);
      }
      return new ConversionException(true, NOT_CONVERTIBLE + mediaReason(lines), e);
    }
    return ConversionException.transientFailure(tool + " failed to run", e);
  }

  /** A read failure of the source, as the user may read it: at most the source URL's HTTP status. */
  static String readFailureReason(IOException e) {
    Matcher status = HTTP_STATUS.matcher(Objects.toString(e.getMessage(), ""));
    return status.find() ? "the source URL could not be fetched (HTTP " + status.group(1) + ")"
        : "reading the source failed; the conversion is retried";
  }

  /** The user-facing reason for ffmpeg's error lines (the fixed vocabulary above). */
  static String mediaReason(List<String> lines) {
    for (String line : lines) {
      Matcher refused = REFUSED_FORMAT.matcher(line);
      if (refused.find()) {
        return refusedFormat(refused.group(1));
      }
    }
    for (Reason reason : MEDIA_REASONS) {
      if (lines.stream().anyMatch(l -> reason.condition().matcher(l).find())) {
        return reason.text();
      }
    }
    return OTHER_MEDIA;
  }

  private static String refusedFormat(String demuxer) {
    return switch (demuxer) {
      case "hls", "dash", "applehttp" -> "playlist formats are not accepted";
      case "concat" -> "concat lists are not accepted";
      case "sdp", "rtsp", "rtp" -> "stream descriptions (SDP) are not accepted";
      default -> "its format is not supported";
    };
  }

  private static boolean refusedByWhitelist(List<String> lines) {
    return lines.stream().anyMatch(l -> l.contains("not on whitelist"));
  }

  private static List<String> lines(List<LogMessage> errors) {
    return errors == null ? List.of()
        : errors.stream().map(m -> m.message).filter(Objects::nonNull).map(String::strip).toList();
  }

  static int exitStatus(String message) {
    Matcher m = STATUS.matcher(message == null ? "" : message);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }
}
