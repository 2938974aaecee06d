package io.video2mp3.gateway.upload;

/** The answer to an accepted upload: where to follow the conversion. */
public record UploadResponse(String name, String statusUrl) {
}
