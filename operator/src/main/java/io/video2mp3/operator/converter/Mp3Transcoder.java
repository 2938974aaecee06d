package io.video2mp3.operator.converter;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.PipeOutput;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Runs ffmpeg: the source through its seekable {@link FfmpegInput} (a loopback HTTP server that
 * answers Range requests, so ffmpeg can seek to an MP4 index at the end), the first audio stream
 * only, MP3 to a pipe that is pumped into the GridFS upload. {@code -abort_on empty_output} makes "nothing decoded"
 * an error instead of an empty file with exit 0.
 */
public final class Mp3Transcoder {

  /** What ffmpeg produced: the output's duration from its last progress report. */
  public record Result(double outputSeconds) {
  }

  private final Path ffmpegBin;

  public Mp3Transcoder(Path ffmpegBin) {
    this.ffmpegBin = ffmpegBin;
  }

  /** The ffmpeg output options; pure, so the copy/encode choice is testable without ffmpeg. */
  static List<String> audioOptions(boolean copy, String bitrate) {
    return copy
        ? List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-c:a", "copy")
        : List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-c:a", "libmp3lame", "-b:a", bitrate);
  }

  /**
   * @param progress receives the output position in milliseconds as ffmpeg reports it
   * @param outputFailure why writing the output failed, if it did (a transient failure)
   */
  public Result transcode(VideoSource source, boolean copy, String bitrate, OutputStream out,
      LongConsumer progress, Supplier<Optional<String>> outputFailure) throws ConversionException {
    AtomicLong lastMillis = new AtomicLong();
    PipeOutput output = PipeOutput.pumpTo(out).setFormat("mp3");
    List<String> options = audioOptions(copy, bitrate);
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      if (i + 1 < options.size() && !options.get(i + 1).startsWith("-")) {
        output.addArguments(option, options.get(++i));
      } else {
        output.addArgument(option);
      }
    }
    FfmpegInput input = source.input();
    UrlInput urlInput = UrlInput.fromUrl(input.url());
    input.options().forEach(urlInput::addArgument);
    try {
      new FFmpeg(ffmpegBin)
          .addArguments("-abort_on", "empty_output")
          .addArgument("-nostdin")
          .addInput(urlInput)
          .addOutput(output)
          .setOverwriteOutput(true)
          .setProgressListener(p -> {
            Long millis = p.getTimeMillis();
            if (millis != null && millis >= 0) {
              lastMillis.accumulateAndGet(millis, Math::max);
              progress.accept(millis);
            }
          })
          .execute();
    } catch (JaffreeException e) {
      throw FfmpegFailures.classify("ffmpeg", e, source.readFailure(), outputFailure.get());
    }
    return new Result(lastMillis.get() / 1000.0);
  }
}
