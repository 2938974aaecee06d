package io.video2mp3.operator.converter;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What ffprobe found in the input: its container and its first audio stream (the one
 * {@code -map 0:a:0} converts).
 *
 * @param audioCodec    codec name of the first audio stream
 * @param audioBitrate  its bit rate in bits/s, when the container states one
 * @param duration      seconds of audio to expect (stream duration, else Matroska's DURATION tag,
 *                      else the container's), used for progress and the output check
 */
public record ProbeResult(String formatName, String audioCodec, OptionalLong audioBitrate, OptionalDouble duration) {

  /**
   * Copy the MP3 stream as it is when re-encoding could only lose quality: the source is MP3 and
   * its bit rate is known and not above the requested one. An unknown bit rate is re-encoded, so
   * the result never exceeds what was asked for.
   */
  public boolean canCopy(long requestedBitsPerSecond) {
    return "mp3".equals(audioCodec)
        && audioBitrate.isPresent()
        && audioBitrate.getAsLong() > 0
        && audioBitrate.getAsLong() <= requestedBitsPerSecond;
  }

  /** Percent done (0-99; 100 is written only once the upload is complete). */
  public int percentAt(long outputMillis) {
    if (duration.isEmpty() || duration.getAsDouble() <= 0) {
      return 0;
    }
    double percent = outputMillis / 10.0 / duration.getAsDouble();
    return (int) Math.max(0, Math.min(99, Math.floor(percent)));
  }

  /**
   * The output must be as long as the input's audio, within max(1 s, 2 %). A shorter one means
   * ffmpeg gave up on damaged or truncated data while still exiting 0.
   */
  public Optional<String> checkOutputDuration(double outputSeconds) {
    if (outputSeconds <= 0) {
      return Optional.of("ffmpeg produced no audio");
    }
    if (duration.isEmpty()) {
      return Optional.empty();
    }
    double expected = duration.getAsDouble();
    double tolerance = Math.max(1.0, expected * 0.02);
    if (outputSeconds < expected - tolerance) {
      return Optional.of(String.format(java.util.Locale.ROOT,
          "the input is truncated or damaged: got %.1f s of audio, the input declares %.1f s",
          outputSeconds, expected));
    }
    return Optional.empty();
  }

  /** Parses ffprobe/Matroska duration text: "12.5" or "00:01:02.500000000". */
  static OptionalDouble parseDuration(String text) {
    if (text == null || text.isBlank() || "N/A".equals(text)) {
      return OptionalDouble.empty();
    }
    try {
      String[] parts = text.trim().split(":");
      double seconds = 0;
      for (String part : parts) {
        seconds = seconds * 60 + Double.parseDouble(part);
      }
      return seconds > 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
