package io.video2mp3.operator.cleanup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.api.storage.OrphanSweep;
import io.video2mp3.api.storage.StorageLayout;

/**
 * What the orphan sweeper removed (Prometheus: video2mp3_orphans_files_removed_total and
 * video2mp3_orphans_chunks_removed_total by bucket, video2mp3_orphans_progress_removed_total).
 * Registered up front so they read 0 rather than being absent.
 */
final class SweepMetrics {

  private final Counter videoFiles;
  private final Counter videoChunks;
  private final Counter mp3Files;
  private final Counter mp3Chunks;
  private final Counter progress;

  SweepMetrics(MeterRegistry registry) {
    videoFiles = files(registry, StorageLayout.VIDEOS_BUCKET);
    videoChunks = chunks(registry, StorageLayout.VIDEOS_BUCKET);
    mp3Files = files(registry, StorageLayout.MP3S_BUCKET);
    mp3Chunks = chunks(registry, StorageLayout.MP3S_BUCKET);
    progress = Counter.builder("video2mp3.orphans.progress.removed")
        .description("Progress records (and cancellation marks) of conversions that no longer exist").register(registry);
  }

  private static Counter files(MeterRegistry registry, String bucket) {
    return Counter.builder("video2mp3.orphans.files.removed").tag("bucket", bucket)
        .description("Abandoned GridFS files removed (uploads never completed, MP3s of deleted conversions)")
        .register(registry);
  }

  private static Counter chunks(MeterRegistry registry, String bucket) {
    return Counter.builder("video2mp3.orphans.chunks.removed").tag("bucket", bucket)
        .description("GridFS chunks removed with abandoned files").register(registry);
  }

  void videos(OrphanSweep.Result result) {
    videoFiles.increment(result.removed());
    videoChunks.increment(result.chunks());
  }

  void mp3s(OrphanSweep.Result result) {
    mp3Files.increment(result.removed());
    mp3Chunks.increment(result.chunks());
  }

  void progress(long records, long mp3ChunksWithThem) {
    progress.increment(records);
    mp3Chunks.increment(mp3ChunksWithThem);
  }
}
