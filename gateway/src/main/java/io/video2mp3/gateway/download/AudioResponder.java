package io.video2mp3.gateway.download;

import com.mongodb.MongoException;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import io.video2mp3.api.http.ByteRange;
import io.video2mp3.gateway.storage.AudioStore;
import io.video2mp3.gateway.storage.AudioStore.StoredAudio;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** Streams a stored MP3 to the client chunk by chunk, honouring Range, If-Range and If-None-Match. */
@Component
class AudioResponder {

  private static final Logger log = LoggerFactory.getLogger(AudioResponder.class);
  private static final String AUDIO_MPEG = "audio/mpeg";
  private static final int BUFFER_BYTES = 64 * 1024;

  private final AudioStore store;

  AudioResponder(AudioStore store) {
    this.store = store;
  }

  /** Returns the number of body bytes sent. */
  long send(StoredAudio file, String filename, HttpServletRequest request, HttpServletResponse response) {
    long length = file.length();
    String etag = "\"" + file.fileId() + "-" + file.uploadedAtMillis() + "\"";
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(filename));
    if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return 0;
    }
    // A Range conditional on another version of the file is ignored: the whole new file is sent.
    String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
    ByteRange.Request asked = ifRange == null || ifRange.equals(etag)
        ? ByteRange.parse(Optional.ofNullable(request.getHeader(HttpHeaders.RANGE)), length)
        : new ByteRange.Whole();
    if (asked instanceof ByteRange.Unsatisfiable) {
      response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
      response.setContentType("application/json");
      writeQuietly(response, "{\"error\":\"requested_range_not_satisfiable\",\"message\":\"the file has "
          + length + " bytes\"}");
      return 0;
    }
    long start = 0;
    long count = length;
    response.setContentType(AUDIO_MPEG);
    if (asked instanceof ByteRange.Partial partial) {
      start = partial.range().first();
      count = partial.range().length();
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader(HttpHeaders.CONTENT_RANGE, partial.range().contentRange());
    } else {
      response.setStatus(HttpServletResponse.SC_OK);
    }
    response.setContentLengthLong(count);
    if ("HEAD".equals(request.getMethod())) {
      return 0;
    }
    return copy(file.fileId(), start, count, response);
  }

  private long copy(String fileId, long start, long count, HttpServletResponse response) {
    long sent = 0;
    try (GridFSDownloadStream in = store.open(fileId)) {
      // GridFS skips whole chunks without reading them.
      long skipped = 0;
      while (skipped < start) {
        long step = in.skip(start - skipped);
        if (step <= 0) {
          throw new IOException("the stored file ended before byte " + start);
        }
        skipped += step;
      }
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[BUFFER_BYTES];
      while (sent < count) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, count - sent));
        if (read < 0) {
          throw new IOException("the stored file ended after " + (start + sent) + " bytes");
        }
        out.write(buffer, 0, read);
        sent += read;
      }
      out.flush();
    } catch (IOException | MongoException e) {
      // Headers are out already; all that is left is to end the response short, which the client notices.
      log.info("Download of {} stopped after {} of {} bytes: {}", fileId, sent, count, e.getMessage());
    }
    return sent;
  }

  /** RFC 6266: an ASCII fallback in {@code filename}, the exact name in {@code filename*} (RFC 5987). */
  static String contentDisposition(String filename) {
    StringBuilder fallback = new StringBuilder();
    filename.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    String header = ContentDisposition.attachment().filename(fallback.toString()).build().toString();
    if (!fallback.toString().equals(filename)) {
      String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
      header += "; filename*=UTF-8''" + encoded;
    }
    return header;
  }

  private static void writeQuietly(HttpServletResponse response, String body) {
    try {
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.debug("Client gone before the answer", e);
    }
  }
}
