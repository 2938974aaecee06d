package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The opened input video. ffprobe and ffmpeg each read it through their own seekable channel
 * (jaffree serves it to them over a local FTP connection, which supports REST, i.e. seeking).
 */
public interface VideoSource extends AutoCloseable {

  /** Best known original file name (for the MP3's name and ffmpeg's format guess). */
  String filename();

  long size();

  SeekableByteChannel newChannel() throws IOException;

  /** An I/O failure of the underlying store while ffmpeg/ffprobe read: makes a failure transient. */
  Optional<IOException> readFailure();

  @Override
  void close();

  /** Streams from GridFS or an HTTP server that answers ranges; nothing is copied. */
  static VideoSource streamed(SeekableSource source, String filename) {
    return new Streamed(source, filename);
  }

  /** A copy on the scratch volume, deleted on close. */
  static VideoSource scratchFile(Path file, String filename) {
    return new ScratchFile(file, filename);
  }

  final class Streamed implements VideoSource {
    private final SeekableSource source;
    private final String filename;
    private final List<SeekableStreamChannel> channels = new CopyOnWriteArrayList<>();

    private Streamed(SeekableSource source, String filename) {
      this.source = source;
      this.filename = filename;
    }

    @Override
    public String filename() {
      return filename;
    }

    @Override
    public long size() {
      return source.size();
    }

    @Override
    public SeekableByteChannel newChannel() {
      SeekableStreamChannel channel = new SeekableStreamChannel(source);
      channels.add(channel);
      return channel;
    }

    @Override
    public Optional<IOException> readFailure() {
      return channels.stream().map(SeekableStreamChannel::sourceFailure).flatMap(Optional::stream).findFirst();
    }

    @Override
    public void close() {
      channels.forEach(SeekableStreamChannel::close);
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

    @Override
    public SeekableByteChannel newChannel() throws IOException {
      return FileChannel.open(file, StandardOpenOption.READ);
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
