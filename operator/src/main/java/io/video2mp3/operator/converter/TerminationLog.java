package io.video2mp3.operator.converter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one-line JSON summary the kubelet copies into the Pod's termination message, which the
 * operator turns into the conversion's status. Kept well under the kubelet's 4 KiB.
 */
public final class TerminationLog {

  /** The summary; absent fields are left out of the JSON. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(String status, String fileId, Long sizeBytes, Double durationSeconds,
      String bitrate, Boolean copied, String message) {

    public static Summary succeeded(String fileId, long sizeBytes, double durationSeconds, String bitrate,
        boolean copied, String message) {
      return new Summary("Succeeded", fileId, sizeBytes, round(durationSeconds), bitrate, copied, message);
    }

    public static Summary failed(String message) {
      return new Summary("Failed", null, null, null, null, null, oneLine(message));
    }

    private static double round(double seconds) {
      return Math.round(seconds * 1000.0) / 1000.0;
    }
  }

  static final int MAX_MESSAGE = 1000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path path;

  public TerminationLog(Path path) {
    this.path = path;
  }

  public static String toJson(Summary summary) {
    try {
      return MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the summary", e);
    }
  }

  /** Writes the summary; a missing termination-log path (outside Kubernetes) is reported, not fatal. */
  public void write(Summary summary) {
    try {
      Files.writeString(path, toJson(summary) + "\n", StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("converter: cannot write the termination log " + path + ": " + e.getMessage());
    }
  }

  static String oneLine(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
