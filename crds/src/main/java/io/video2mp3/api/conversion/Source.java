package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.video2mp3.api.conversion.validation.SpecRules;

/** Where a video comes from: an uploaded GridFS file or an http(s) URL, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.fileId) != has(self.url)", message = "set exactly one of source.fileId or source.url")
public record Source(
    @Pattern(SpecRules.FILE_ID_PATTERN)
    @JsonPropertyDescription("GridFS id (24 hex digits) of the uploaded video in bucket 'videos'.")
    String fileId,
    @Pattern(SpecRules.URL_PATTERN)
    @Size(max = SpecRules.URL_MAX_LENGTH)
    @JsonPropertyDescription("http(s) URL the converter downloads the video from.")
    String url,
    @Size(max = SpecRules.FILENAME_MAX_LENGTH)
    @JsonPropertyDescription("The video's original file name; the MP3 is named after it.")
    String filename) {

  public static Source upload(String fileId, String filename) {
    return new Source(fileId, null, filename);
  }

  public static Source url(String url, String filename) {
    return new Source(null, url, filename);
  }

  @JsonIgnore
  public boolean isUpload() {
    return fileId != null;
  }
}
