package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The produced audio file, as recorded on the status and in the finished event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversionOutput(
    @JsonPropertyDescription("GridFS id of the MP3 in bucket mp3s (the conversion's metadata.uid).") String fileId,
    @JsonPropertyDescription("Size of the MP3 in bytes.") Long sizeBytes,
    @JsonPropertyDescription("Length of the audio in seconds.") Double durationSeconds,
    @JsonPropertyDescription("Bitrate the MP3 was encoded with, e.g. 192k.") String bitrate) {
}
