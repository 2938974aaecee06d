package io.video2mp3.operator.converter;

import java.util.List;

/**
 * Where ffprobe/ffmpeg read the source, and the input options that go with it.
 *
 * @param url a loopback HTTP URL or a local file
 * @param options placed before {@code -i}
 */
record FfmpegInput(String url, List<String> options) {

  FfmpegInput {
    options = List.copyOf(options);
  }
}
