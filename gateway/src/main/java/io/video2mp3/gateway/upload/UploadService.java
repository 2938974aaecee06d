package io.video2mp3.gateway.upload;

import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.conversion.validation.VideoConversionSpecValidator;
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
  private static final int MAX_EXTENSION_CHARS = 16;
  /** C0, DEL and C1 controls, line/paragraph separators, the ALM/LRM/RLM marks, embeddings, overrides, isolates. */
  private static final String INVISIBLE_OR_CONTROL =
      "[\\p{Cc}\\u2028\\u2029\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]";
  /** The MP3 encoder's range (libmp3lame: 32-320 kbit/s at 44.1/48 kHz). */
  static final long MIN_BITS_PER_SECOND = 32_000;
  static final long MAX_BITS_PER_SECOND = 320_000;

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

  /**
   * Hands a stored video over to the conversion pipeline at the requested bitrate (null or blank: the
   * configured default); returns the conversion's name. A bad bitrate is a 400 before anything is queued.
   */
  public String start(Caller caller, StoredVideo video, String requestedBitrate) {
    String name = VideoConversion.nameForFileId(video.fileId());
    VideoConversionSpec spec = new VideoConversionSpec(
        Source.upload(video.fileId(), video.filename()), OutputSpec.mp3(bitrate(requestedBitrate)), caller.asOwner());
    // The rules of the CRD's schema, before anything is queued: a spec the operator would fail is a 400 now.
    String problem = VideoConversionSpecValidator.problem(spec);
    if (problem != null) {
      videos.delete(video.id());
      throw ApiException.badRequest("cannot convert this upload: " + problem);
    }
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

  /** The default bitrate and the range of the MP3 encoder, for the page's choice and the limits endpoint. */
  public String defaultBitrate() {
    return bitrate;
  }

  static String bitrate(String requested, String defaultBitrate) {
    if (requested == null || requested.isBlank()) {
      return defaultBitrate;
    }
    if (!requested.matches(OutputSpec.BITRATE_PATTERN)
        || OutputSpec.bitsPerSecond(requested) < MIN_BITS_PER_SECOND
        || OutputSpec.bitsPerSecond(requested) > MAX_BITS_PER_SECOND) {
      throw ApiException.badRequest("bitrate must be a number of kbit/s from 32k to 320k, such as 128k or 192k");
    }
    return requested;
  }

  private String bitrate(String requested) {
    return bitrate(requested, bitrate);
  }

  public void discard(StoredVideo video) {
    videos.delete(video.id());
  }

  /**
   * The base name a browser or curl sent, without directories, control characters or the invisible
   * ones that reorder text (bidirectional overrides and isolates, which make "exe.mp4" of
   * "mp4.exe" in a mail subject or a file list), at most {@value #MAX_FILENAME_CHARS} characters: the
   * start and the extension are kept.
   */
  static String cleanFilename(String raw) {
    if (raw == null) {
      return "video";
    }
    String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
        .replaceAll(INVISIBLE_OR_CONTROL, "")
        .strip();
    if (name.length() > MAX_FILENAME_CHARS) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_CHARS ? name.substring(dot) : "";
      int cut = MAX_FILENAME_CHARS - extension.length();
      if (Character.isHighSurrogate(name.charAt(cut - 1))) {
        cut--; // never half a character
      }
      name = name.substring(0, cut).strip() + extension;
    }
    return name.isEmpty() ? "video" : name;
  }
}
