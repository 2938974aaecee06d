package io.video2mp3.gateway.upload;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an upload may be, so that the page can say so before the user picks a file. */
@RestController
class LimitsController {

  /** The bitrates the page offers; the API takes any from 32k to 320k. */
  private static final List<String> OFFERED_BITRATES = List.of("96k", "128k", "160k", "192k", "256k", "320k");

  private final UploadService uploads;

  LimitsController(UploadService uploads) {
    this.uploads = uploads;
  }

  /** @param formats containers the gateway accepts (checked by content), audio-only files included */
  record Limits(long maxUploadBytes, List<String> formats, List<String> bitrates, String defaultBitrate) {
  }

  @Operation(summary = "Upload limits: largest file, accepted formats, bitrates")
  @GetMapping("/api/v1/limits")
  Limits limits() {
    return new Limits(uploads.maxUploadBytes(), MediaSniffer.FORMATS, OFFERED_BITRATES, uploads.defaultBitrate());
  }
}
