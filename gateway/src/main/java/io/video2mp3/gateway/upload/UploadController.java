package io.video2mp3.gateway.upload;

import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.error.DependencyUnavailableException;
import io.video2mp3.gateway.storage.MeasuredInputStream.TooLargeException;
import io.video2mp3.gateway.storage.StoredVideo;
import io.video2mp3.gateway.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /upload} (the tutorial's) and {@code POST /api/v1/conversions}: a multipart body with one
 * field {@code file}, or a raw {@code video/*} / {@code application/octet-stream} body with a
 * {@code filename} parameter. The body is streamed as it arrives; Spring's multipart resolver is off.
 */
@RestController
class UploadController {

  private static final Logger log = LoggerFactory.getLogger(UploadController.class);
  private static final String FILE_FIELD = "file";
  private static final String BITRATE_FIELD = "bitrate";
  /** A form field other than the file is a short value such as {@code 192k}. */
  private static final int MAX_FIELD_BYTES = 64;
  /** Room for multipart boundaries and headers on top of the file itself. */
  private static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

  private final UploadService uploads;
  private final UploadMetrics metrics;
  private final PublicUrls urls;

  UploadController(UploadService uploads, UploadMetrics metrics, PublicUrls urls) {
    this.uploads = uploads;
    this.metrics = metrics;
    this.urls = urls;
  }

  @Operation(summary = "Upload a video (multipart field 'file', or a raw video/* body with ?filename=) and start its conversion")
  @PostMapping({"/upload", "/api/v1/conversions"})
  ResponseEntity<UploadResponse> upload(@Parameter(hidden = true) Caller caller, HttpServletRequest request,
      @RequestParam(name = "filename", required = false) String filename,
      @Parameter(description = "output bitrate such as 128k (also a multipart field 'bitrate'); default OUTPUT_BITRATE")
      @RequestParam(name = BITRATE_FIELD, required = false) String bitrate) {
    Timer.Sample sample = metrics.start();
    String outcome = "failed";
    long bytes = 0;
    try {
      uploads.checkCaller(caller);
      refuseIfDeclaredTooLarge(request);
      Upload upload = JakartaServletFileUpload.isMultipartContent(request)
          ? storeMultipart(caller, request, bitrate)
          : new Upload(storeRaw(caller, request, filename), bitrate);
      StoredVideo video = upload.video();
      String name = startOrDiscard(caller, upload);
      outcome = "accepted";
      bytes = video.size();
      String statusUrl = urls.base() + "/api/v1/conversions/" + name;
      return ResponseEntity.accepted().location(URI.create(statusUrl)).contentType(MediaType.APPLICATION_JSON)
          .body(new UploadResponse(name, statusUrl));
    } catch (TooLargeException e) {
      outcome = "too_large";
      throw tooLarge();
    } catch (FileUploadSizeException e) {
      // No size limit is set on the parser (MeasuredInputStream counts the file): this is its fixed
      // limit on one part's headers, which a long filename exceeds.
      outcome = "bad_request";
      throw ApiException.badRequest("the headers of a multipart part are longer than "
          + MultipartInput.DEFAULT_PART_HEADER_SIZE_MAX + " bytes, most likely because of a long filename:"
          + " shorten it, or send the video as the raw body with ?filename=");
    } catch (FileUploadException e) {
      outcome = "bad_request";
      throw ApiException.badRequest("malformed multipart body: " + e.getMessage());
    } catch (IOException e) {
      // The client went away or the connection broke mid-upload; whatever was stored is already gone.
      outcome = "interrupted";
      log.info("Upload interrupted: {}", e.getMessage());
      throw ApiException.badRequest("the upload was interrupted before the body was complete");
    } catch (DependencyUnavailableException e) {
      outcome = "unavailable";
      throw e;
    } catch (ApiException e) {
      outcome = switch (e.status()) {
        case UNSUPPORTED_MEDIA_TYPE -> "not_media";
        case PAYLOAD_TOO_LARGE -> "too_large";
        default -> "bad_request";
      };
      throw e;
    } finally {
      metrics.finish(sample, outcome, bytes);
    }
  }

  private void refuseIfDeclaredTooLarge(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    if (declared > uploads.maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) {
      throw tooLarge();
    }
  }

  /** A stored video and the bitrate asked for it (null: the default). */
  private record Upload(StoredVideo video, String bitrate) {
  }

  /** A bitrate found bad only after the file (a form field after it) must not leave the video behind. */
  private String startOrDiscard(Caller caller, Upload upload) {
    try {
      return uploads.start(caller, upload.video(), upload.bitrate());
    } catch (ApiException e) {
      if (e.status() == HttpStatus.BAD_REQUEST) {
        uploads.discard(upload.video());
      }
      throw e;
    }
  }

  private Upload storeMultipart(Caller caller, HttpServletRequest request, String bitrate) throws IOException {
    FileItemInputIterator items = new JakartaServletDiskFileUpload().getItemIterator(request);
    StoredVideo stored = null;
    String requested = bitrate;
    try {
      while (items.hasNext()) {
        FileItemInput item = items.next();
        if (BITRATE_FIELD.equals(item.getFieldName()) && item.isFormField()) {
          requested = fieldValue(item);
          continue;
        }
        if (!FILE_FIELD.equals(item.getFieldName())) {
          continue; // other fields are skipped (and drained) by the iterator
        }
        if (stored != null) {
          throw ApiException.badRequest("send exactly one multipart field 'file'; this request has several");
        }
        stored = uploads.store(caller, item.getInputStream(), MultipartFilenames.decode(item.getName()),
            item.getContentType());
      }
    } catch (IOException | RuntimeException e) {
      if (stored != null) {
        uploads.discard(stored);
      }
      throw e;
    }
    if (stored == null) {
      throw ApiException.badRequest("the multipart body has no field 'file'");
    }
    return new Upload(stored, requested);
  }

  private static String fieldValue(FileItemInput item) throws IOException {
    byte[] value = item.getInputStream().readNBytes(MAX_FIELD_BYTES + 1);
    if (value.length > MAX_FIELD_BYTES) {
      throw ApiException.badRequest("the field '" + item.getFieldName() + "' is too long");
    }
    return new String(value, java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  private StoredVideo storeRaw(Caller caller, HttpServletRequest request, String filename) throws IOException {
    MediaType type;
    try {
      type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (IllegalArgumentException e) {
      type = null;
    }
    boolean acceptable = type != null
        && ("video".equals(type.getType()) || MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(type));
    if (!acceptable) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "send multipart/form-data with a field 'file', or a video/* or application/octet-stream body");
    }
    if (filename == null || filename.isBlank()) {
      throw ApiException.badRequest("a raw upload needs the query parameter 'filename'");
    }
    return uploads.store(caller, request.getInputStream(), filename, type.toString());
  }

  private ApiException tooLarge() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
        "the upload is larger than the limit of " + uploads.maxUploadBytes() + " bytes");
  }
}
