package io.video2mp3.operator.conversion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * The converter's one-line JSON summary, as the kubelet copies it into the Pod's
 * {@code containerStatuses[].state.terminated.message}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TerminationMessage(
    String status,
    String fileId,
    Long sizeBytes,
    Double durationSeconds,
    String bitrate,
    Boolean copied,
    String message) {

  /** Longest message copied onto the status; the kubelet caps the termination log at 4 KiB anyway. */
  static final int MAX_MESSAGE = 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public boolean succeeded() {
    return "Succeeded".equals(status);
  }

  /**
   * Parses the summary. With {@code FallbackToLogsOnError} the "message" may be the tail of the log
   * instead (the converter crashed before writing it): then the last JSON-looking line wins, and
   * without one the last non-blank line becomes a {@code Failed} message.
   */
  public static Optional<TerminationMessage> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    List<String> lines = raw.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.startsWith("{") && line.endsWith("}")) {
        try {
          TerminationMessage parsed = MAPPER.readValue(line, TerminationMessage.class);
          return Optional.of(parsed.withMessage(oneLine(parsed.message())));
        } catch (Exception e) {
          // not the summary; keep looking
        }
      }
    }
    return Optional.of(new TerminationMessage("Failed", null, null, null, null, null,
        oneLine(lines.get(lines.size() - 1))));
  }

  private TerminationMessage withMessage(String newMessage) {
    return new TerminationMessage(status, fileId, sizeBytes, durationSeconds, bitrate, copied, newMessage);
  }

  static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
