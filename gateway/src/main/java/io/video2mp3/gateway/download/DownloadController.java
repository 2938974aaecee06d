package io.video2mp3.gateway.download;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.video2mp3.gateway.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /download?fid=} (the tutorial's, the id from the email) and the REST API's audio link. */
@RestController
class DownloadController {

  private final DownloadService downloads;
  private final AudioResponder responder;
  private final MeterRegistry registry;

  DownloadController(DownloadService downloads, AudioResponder responder, MeterRegistry registry) {
    this.downloads = downloads;
    this.responder = responder;
    this.registry = registry;
  }

  @Operation(summary = "Download an MP3 by the file id from the notification email")
  @GetMapping("/download")
  void download(@Parameter(hidden = true) Caller caller, @RequestParam(name = "fid", required = false) String fid,
      HttpServletRequest request, HttpServletResponse response) {
    send(downloads.byFileId(caller, fid), request, response);
  }

  @Operation(summary = "Download a finished conversion's MP3 (supports Range)")
  @GetMapping("/api/v1/conversions/{name}/audio")
  void audio(@Parameter(hidden = true) Caller caller, @PathVariable String name,
      HttpServletRequest request, HttpServletResponse response) {
    send(downloads.byName(caller, name), request, response);
  }

  /** Sends the file and counts the time and bytes (also for the signed links' controller). */
  void send(DownloadService.Download download, HttpServletRequest request, HttpServletResponse response) {
    Timer.Sample sample = Timer.start(registry);
    long sent = responder.send(download.file(), download.filename(), request, response);
    sample.stop(registry.timer("gateway.download.duration"));
    registry.counter("gateway.download.bytes").increment(sent);
  }
}
