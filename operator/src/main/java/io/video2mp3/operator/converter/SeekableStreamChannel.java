package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * A read-only {@link SeekableByteChannel} over a {@link SeekableSource}, so ffmpeg (through
 * jaffree's {@code ChannelInput}) can seek in a video it reads as a stream: MP4s with the index at
 * the end are read to the end, then from the start again. Sequential reads keep one stream open; a
 * short forward seek skips; any other seek reopens the source at the new offset (for GridFS that
 * is cheap: the download stream starts at the containing chunk; for HTTP it is a Range request).
 * Only one chunk-sized buffer is ever held; never the file.
 *
 * <p>It remembers the last I/O failure of the source, so the caller can tell "ffmpeg failed because
 * reading the source failed" (retry: exit 1) from "ffmpeg failed on these bytes" (exit 2).
 */
public final class SeekableStreamChannel implements SeekableByteChannel {

  /** Forward seeks up to this many bytes read through instead of reopening (one request saved). */
  static final long SKIP_THRESHOLD = 1 << 20;

  private final SeekableSource source;
  private InputStream stream;
  private long streamPosition;
  private long position;
  private boolean open = true;
  private int reopens;
  private volatile IOException sourceFailure;

  public SeekableStreamChannel(SeekableSource source) {
    this.source = source;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= source.size()) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    try {
      alignStream();
      int wanted = (int) Math.min(dst.remaining(), source.size() - position);
      int n;
      if (dst.hasArray()) {
        n = stream.read(dst.array(), dst.arrayOffset() + dst.position(), wanted);
        if (n > 0) {
          dst.position(dst.position() + n);
        }
      } else {
        byte[] tmp = new byte[wanted];
        n = stream.read(tmp, 0, wanted);
        if (n > 0) {
          dst.put(tmp, 0, n);
        }
      }
      if (n < 0) {
        throw new IOException(source.describe() + " ended at byte " + position + " of " + source.size());
      }
      position += n;
      streamPosition += n;
      return n;
    } catch (IOException | RuntimeException e) {
      // RuntimeException: the MongoDB driver reports I/O trouble unchecked.
      closeStream();
      IOException failure = e instanceof IOException io ? io
          : new IOException(source.describe() + ": " + e.getMessage(), e);
      sourceFailure = failure;
      throw failure;
    }
  }

  private void alignStream() throws IOException {
    if (stream != null && position > streamPosition && position - streamPosition <= SKIP_THRESHOLD) {
      stream.skipNBytes(position - streamPosition);
      streamPosition = position;
    }
    if (stream != null && streamPosition == position) {
      return;
    }
    closeStream();
    stream = source.openAt(position);
    streamPosition = position;
    reopens++;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return source.size();
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
    closeStream();
  }

  /** How many times the source was (re)opened: 1 for a purely sequential read. */
  public int opens() {
    return reopens;
  }

  public Optional<IOException> sourceFailure() {
    return Optional.ofNullable(sourceFailure);
  }

  private void closeStream() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException | RuntimeException ignored) {
        // the stream is abandoned either way
      }
      stream = null;
    }
  }

  private void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
