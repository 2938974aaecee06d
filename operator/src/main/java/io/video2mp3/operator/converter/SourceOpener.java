package io.video2mp3.operator.converter;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.video2mp3.api.storage.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the conversion's source as a {@link VideoSource}.
 *
 * <p>GridFS sources are streamed to ffmpeg through a {@link LoopbackRangeServer} (ffmpeg seeks with
 * Range requests, each opening GridFS at its offset), never copied. Measured with
 * hack/bench/converter-input.sh (docs/benchmarks.md: 2 cores, Debian ffmpeg 5.1, a 107 MB 600 s MP4 with
 * the moov at the end, in-JVM mongo-java-server, 3 rounds): a pipe cannot convert it at all; the
 * seekable input takes 4.9-5.5 s, copying to a scratch file (0.3-0.4 s) and converting the file
 * 5.1-5.6 s, ffmpeg on a local file 4.1-4.9 s. So the copy buys nothing, and it would need an
 * emptyDir as large as the largest upload and write every video to disk once more. (jaffree's
 * ChannelInput took 7.0 s against 4.6-4.9 s, and its one-connection FTP server refused ffmpeg's
 * reconnects.) The scratch directory is used only for HTTP servers that ignore Range requests,
 * whose body cannot be re-read.
 *
 * <p>The HTTP client is created only for a URL source: a {@code java.net.http.HttpClient} keeps a
 * selector thread that delays the JVM's exit by ~0.34 s (docs/benchmarks.md).
 */
public final class SourceOpener {

  private final MongoDatabase database;
  private final Supplier<HttpClient> httpClient;
  private final HttpSource.Timeouts timeouts;
  private final Path scratchDir;
  private final SourceAddressGuard guard;

  public SourceOpener(MongoDatabase database, Supplier<HttpClient> httpClient, HttpSource.Timeouts timeouts,
      Path scratchDir,
      SourceAddressGuard guard) {
    this.database = database;
    this.httpClient = httpClient;
    this.timeouts = timeouts;
    this.scratchDir = scratchDir;
    this.guard = guard;
  }

  public VideoSource open(ConvertSettings settings) throws ConversionException {
    VideoSource source = settings.sourceFileId().isPresent()
        ? openGridFs(settings)
        : openUrl(settings.sourceUrl().orElseThrow(), settings.sourceFilename());
    if (source.size() == 0) {
      source.close();
      throw ConversionException.permanent("source is empty (0 bytes)");
    }
    return source;
  }

  private VideoSource openGridFs(ConvertSettings settings) throws ConversionException {
    GridFSBucket videos = GridFSBuckets.create(database, StorageLayout.VIDEOS_BUCKET);
    GridFsSource source;
    try {
      source = GridFsSource.find(videos, settings.sourceFileId().orElseThrow());
    } catch (RuntimeException e) {
      throw ConversionException.transientFailure("the stored video could not be read; the conversion is retried", e);
    }
    String name = settings.sourceFilename().or(() -> Optional.ofNullable(source.filename())).orElse("video");
    return streamed(source, name);
  }

  private static VideoSource streamed(SeekableSource source, String name) throws ConversionException {
    try {
      return VideoSource.streamed(source, name);
    } catch (IOException e) {
      throw ConversionException.transientFailure("the converter could not start its input; the conversion is retried", e);
    }
  }

  private VideoSource openUrl(URI url, Optional<String> filename) throws ConversionException {
    String name = filename.orElseGet(() -> lastPathSegment(url));
    HttpSource.Probe probe = HttpSource.probe(httpClient.get(), url, timeouts, guard);
    if (probe instanceof HttpSource.Ranged ranged) {
      return streamed(ranged.source(), name);
    }
    HttpSource.Whole whole = (HttpSource.Whole) probe;
    try (InputStream body = whole.body()) {
      return copyToScratch(body, name);
    } catch (IOException e) {
      throw ConversionException.transientFailure("the source URL could not be downloaded; the conversion is retried", e);
    }
  }

  /** Copies a stream into a new file in the scratch directory (the caller's VideoSource deletes it). */
  public VideoSource copyToScratch(InputStream in, String name) throws IOException {
    Files.createDirectories(scratchDir);
    Path file = Files.createTempFile(scratchDir, "source-", suffix(name));
    try (OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return VideoSource.scratchFile(file, name);
  }

  static String lastPathSegment(URI url) {
    String path = Optional.ofNullable(url.getPath()).orElse("");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "video" : last;
  }

  private static String suffix(String name) {
    return extension(name).orElse(".bin");
  }

  /** ".mp4" of "talk.mp4"; nothing for names whose extension could not be a file name's part. */
  static Optional<String> extension(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot >= 0 ? name.substring(dot) : "";
    return ext.matches("\\.[A-Za-z0-9]{1,8}") ? Optional.of(ext) : Optional.empty();
  }
}
