package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The produced audio file, as recorded on the status and in the finished event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionOutput(String fileId, Long sizeBytes, Double durationSeconds, String bitrate) {
}
