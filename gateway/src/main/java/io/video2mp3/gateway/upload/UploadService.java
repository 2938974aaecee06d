package io.video2mp3.gateway.upload;

import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.config.GatewaySettings;
import io.video2mp3.gateway.conversion.ConversionRepository;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.messaging.ConversionPublisher;
import io.video2mp3.gateway.storage.MeasuredInputStream;
import io.video2mp3.gateway.storage.StoredVideo;
import io.video2mp3.gateway.storage.VideoStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An upload's way in: sniff, stream into GridFS, publish the request (confirmed), create the
 * VideoConversion. The publish decides success: a video whose request the broker did not take is
 * deleted again; a resource the API server did not take is created later by the operator from the message.
 */
@Service
public class UploadService {

  private static final Logger log = LoggerFactory.getLogger(UploadService.class);
  private static final int MAX_FILENAME_CHARS = 200;

  private final VideoStore videos;
  private final ConversionPublisher publisher;
  private final ConversionRepository conversions;
  private final long maxUploadBytes;
  private final String bitrate;
  private final Clock clock;

  public UploadService(VideoStore videos, ConversionPublisher publisher, ConversionRepository conversions,
      GatewaySettings settings) {
    this.videos = videos;
    this.publisher = publisher;
    this.conversions = conversions;
    this.maxUploadBytes = settings.maxUploadSize().toBytes();
    this.bitrate = settings.outputBitrate();
    this.clock = Clock.systemUTC();
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Refuses callers the conversion could never be delivered to, before any byte is stored. */
  public void checkCaller(Caller caller) {
    if (caller.email() == null || caller.email().isBlank()) {
      throw ApiException.badRequest("your account has no email address to send the result to");
    }
  }

  /** Stores one file body; 415 if it is not media, 413 past the limit. Nothing remains on failure. */
  public StoredVideo store(Caller caller, InputStream body, String filename, String contentType) throws IOException {
    MeasuredInputStream measured = new MeasuredInputStream(body, maxUploadBytes);
    byte[] head = MediaSniffer.readHead(measured);
    if (head.length == 0) {
      throw ApiException.badRequest("the file is empty");
    }
    if (MediaSniffer.detect(head).isEmpty()) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "the file is not a known video or audio format (checked by its content, not its name)");
    }
    return videos.store(head, measured, cleanFilename(filename), contentType == null ? "application/octet-stream" : contentType,
        caller.asOwner());
  }

  /** Hands a stored video over to the conversion pipeline; returns the conversion's name. */
  public String start(Caller caller, StoredVideo video) {
    String name = VideoConversion.nameForFileId(video.fileId());
    VideoConversionSpec spec = new VideoConversionSpec(
        Source.upload(video.fileId(), video.filename()), OutputSpec.mp3(bitrate), caller.asOwner());
    try {
      publisher.publish(ConversionRequested.of(conversions.namespace(), name, spec.getSource(), spec.getOutput(),
          spec.getOwner(), Instant.now(clock)));
    } catch (RuntimeException e) {
      videos.delete(video.id());
      throw e;
    }
    try {
      conversions.create(name, spec);
    } catch (RuntimeException e) {
      // The request is safely queued; the operator creates the same resource from it.
      log.warn("Could not create VideoConversion {} ({}); the operator will create it from the queued request",
          name, e.getMessage());
    }
    return name;
  }

  public void discard(StoredVideo video) {
    videos.delete(video.id());
  }

  /** The base name a browser or curl sent, without directories or control characters. */
  static String cleanFilename(String raw) {
    if (raw == null) {
      return "video";
    }
    String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
        .replaceAll("\\p{Cntrl}", "")
        .strip();
    if (name.length() > MAX_FILENAME_CHARS) {
      name = name.substring(name.length() - MAX_FILENAME_CHARS);
    }
    return name.isEmpty() ? "video" : name;
  }
}
