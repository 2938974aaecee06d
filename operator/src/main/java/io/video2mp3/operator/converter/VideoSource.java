package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The opened input video, readable by ffprobe and then ffmpeg until it is closed. */
public interface VideoSource extends AutoCloseable {

  /** Best known original file name (for the MP3's name and ffmpeg's format guess). */
  String filename();

  long size();

  /** Where ffprobe/ffmpeg read it. */
  FfmpegInput input();

  /** An I/O failure of the underlying store while ffmpeg/ffprobe read: makes a failure transient. */
  Optional<IOException> readFailure();

  @Override
  void close();

  /** Streams from GridFS or an HTTP server that answers ranges through a {@link LoopbackRangeServer}. */
  static VideoSource streamed(SeekableSource source, String filename) throws IOException {
    return new Streamed(LoopbackRangeServer.start(source, filename), source.size(), filename);
  }

  /** A copy on the scratch volume, deleted on close. */
  static VideoSource scratchFile(Path file, String filename) {
    return new ScratchFile(file, filename);
  }

  final class Streamed implements VideoSource {
    /**
     * {@code -seekable 1}: no need to infer it from the first response. {@code -reconnect}: a
     * connection that ends early (the source failed mid-response, or the hop broke) is reopened at
     * the offset it reached instead of failing the run; {@code -reconnect_delay_max 2} gives up
     * after ~1 s of retries (delays 0 s and 1 s), so a source that stays broken still fails fast.
     */
    static final List<String> HTTP_OPTIONS = List.of("-seekable", "1", "-reconnect", "1",
        "-reconnect_on_network_error", "1", "-reconnect_delay_max", "2");

    private final LoopbackRangeServer server;
    private final long size;
    private final String filename;

    private Streamed(LoopbackRangeServer server, long size, String filename) {
      this.server = server;
      this.size = size;
      this.filename = filename;
    }

    @Override
    public String filename() {
      return filename;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public FfmpegInput input() {
      return FfmpegInput.confined(server.url(), "http,tcp", HTTP_OPTIONS);
    }

    /** Requests ffprobe and ffmpeg made so far: 1 + the number of seeks. */
    public int requests() {
      return server.requests();
    }

    @Override
    public Optional<IOException> readFailure() {
      return server.sourceFailure();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  final class ScratchFile implements VideoSource {
    private final Path file;
    private final String filename;

    private ScratchFile(Path file, String filename) {
      this.file = file;
      this.filename = filename;
    }

    @Override
    public String filename() {
      return filename;
    }

    @Override
    public long size() {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** "file:" so that a ':' in the scratch path is not taken for a protocol. */
    @Override
    public FfmpegInput input() {
      return FfmpegInput.confined("file:" + file.toAbsolutePath(), "file", List.of());
    }

    @Override
    public Optional<IOException> readFailure() {
      return Optional.empty();
    }

    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the emptyDir goes away with the Pod
      }
    }
  }
}
