package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates test media with the real ffmpeg and inspects outputs with ffprobe. */
final class Media {

  static final String FFMPEG = "/usr/bin/ffmpeg";
  static final String FFPROBE = "/usr/bin/ffprobe";

  private Media() {
  }

  /** {@code seconds} of a 440 Hz tone plus a small test picture, muxed with the given options. */
  static Path generate(Path dir, String name, double seconds, boolean withAudio, String... outputOptions)
      throws IOException, InterruptedException {
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y"));
    if (withAudio) {
      cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds));
    }
    cmd.addAll(List.of("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=" + seconds));
    cmd.addAll(List.of(outputOptions));
    if (withAudio) {
      cmd.add("-shortest");
    }
    cmd.add(out.toString());
    run(cmd);
    return out;
  }

  static String probe(Path file, String entries) throws IOException, InterruptedException {
    return run(List.of(FFPROBE, "-v", "error", "-show_entries", entries, "-of", "default=nw=1:nk=1",
        file.toString())).trim();
  }

  static double duration(Path file) throws IOException, InterruptedException {
    return Double.parseDouble(probe(file, "format=duration"));
  }

  static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s\n%s", cmd, out).isZero();
    return out;
  }
}
