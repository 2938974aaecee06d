package io.video2mp3.operator.converter;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
import com.github.kokorin.jaffree.ffprobe.UrlInput;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Runs ffprobe on the source (its seekable {@link FfmpegInput}) and finds the first audio stream. */
public final class MediaProbe {

  private final Path ffprobeBin;

  public MediaProbe(Path ffprobeBin) {
    this.ffprobeBin = ffprobeBin;
  }

  public ProbeResult probe(VideoSource source) throws ConversionException {
    FFprobeResult result;
    FfmpegInput input = source.input();
    try {
      FFprobe ffprobe = new FFprobe(ffprobeBin)
          .setShowStreams(true)
          .setShowFormat(true)
          .setInput(UrlInput.fromUrl(input.url()));
      input.options().forEach(ffprobe::addArgument);
      result = ffprobe.execute();
    } catch (JaffreeException e) {
      throw FfmpegFailures.classify("ffprobe", e, source.readFailure(), Optional.empty());
    }
    String format = result.getFormat() == null ? "unknown" : result.getFormat().getFormatName();
    Stream audio = result.getStreams().stream()
        .filter(s -> s.getCodecType() == StreamType.AUDIO)
        .findFirst()
        .orElseThrow(() -> ConversionException.permanent("no audio stream in the input"));
    OptionalDouble duration = firstPresent(
        positive(audio.getDuration()),
        ProbeResult.parseDuration(audio.getTag("DURATION")),
        result.getFormat() == null ? OptionalDouble.empty() : positive(result.getFormat().getDuration()));
    OptionalLong bitrate = audio.getBitRate() == null ? OptionalLong.empty() : OptionalLong.of(audio.getBitRate());
    return new ProbeResult(format, audio.getCodecName(), bitrate, duration);
  }

  private static OptionalDouble positive(Float value) {
    return value != null && value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  private static OptionalDouble firstPresent(OptionalDouble... values) {
    for (OptionalDouble v : values) {
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }
}
