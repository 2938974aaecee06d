package io.video2mp3.gateway.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.ConversionOutput;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;

/** A conversion as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionView(
    String name,
    String phase,
    int progress,
    String message,
    ConversionOutput output,
    String filename,
    String owner,
    String createdAt,
    String startedAt,
    String completedAt,
    String statusUrl,
    String audioUrl) {

  public static ConversionView of(VideoConversion conversion, String apiBase) {
    AdmittedRequest request = conversion.request();
    VideoConversionStatus status = conversion.getStatus();
    String name = conversion.getMetadata().getName();
    Phase phase = phaseOf(conversion);
    Integer progress = status == null ? null : status.getProgress();
    String url = apiBase + "/api/v1/conversions/" + name;
    return new ConversionView(
        name,
        phase.name(),
        phase == Phase.Succeeded ? 100 : progress == null ? 0 : progress,
        status == null ? null : status.getMessage(),
        status == null ? null : status.getOutput(),
        request.source() == null ? null : request.source().filename(),
        request.owner() == null ? null : request.owner().username(),
        conversion.getMetadata().getCreationTimestamp(),
        status == null ? null : status.getStartedAt(),
        status == null ? null : status.getCompletedAt(),
        url,
        phase == Phase.Succeeded ? url + "/audio" : null);
  }

  /** A resource the operator has not looked at yet has no status: it is pending. */
  public static Phase phaseOf(VideoConversion conversion) {
    VideoConversionStatus status = conversion.getStatus();
    return status == null || status.getPhase() == null ? Phase.Pending : status.getPhase();
  }
}
