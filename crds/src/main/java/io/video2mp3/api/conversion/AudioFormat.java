package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Audio formats the converter produces. */
public enum AudioFormat {
  @JsonProperty("mp3")
  MP3("mp3", "audio/mpeg", "libmp3lame");

  private final String extension;
  private final String mediaType;
  private final String encoder;

  AudioFormat(String extension, String mediaType, String encoder) {
    this.extension = extension;
    this.mediaType = mediaType;
    this.encoder = encoder;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The ffmpeg encoder that produces this format. */
  public String encoder() {
    return encoder;
  }
}
