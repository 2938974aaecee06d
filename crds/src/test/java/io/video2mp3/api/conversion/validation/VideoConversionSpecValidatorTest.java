package io.video2mp3.api.conversion.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversionSpec;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class VideoConversionSpecValidatorTest {

  private static final Owner ALICE = new Owner("alice", "alice@example.com");

  private static VideoConversionSpec valid() {
    return new VideoConversionSpec(Source.upload("665f1c2e9b1d4a0012345678", "talk.mp4"), OutputSpec.mp3("192k"), ALICE);
  }

  private static VideoConversionSpec with(Consumer<VideoConversionSpec> change) {
    VideoConversionSpec spec = valid();
    change.accept(spec);
    return spec;
  }

  @Test
  void aValidSpecHasNoViolations() {
    assertThat(VideoConversionSpecValidator.violations(valid())).isEmpty();
    assertThat(VideoConversionSpecValidator.problem(valid())).isNull();
    assertThat(VideoConversionSpecValidator.violations(
        new VideoConversionSpec(Source.url("https://example.com/a.mp4", null), OutputSpec.mp3("64k"), ALICE))).isEmpty();
  }

  @Test
  void defaultedFieldsMayBeAbsent() {
    assertThat(VideoConversionSpecValidator.violations(with(s -> {
      s.setOutput(new OutputSpec(null, null));
      s.setTimeoutSeconds(null);
      s.setRetries(null);
    }))).isEmpty();
  }

  @Test
  void eachRuleNamesItsField() {
    assertThat(VideoConversionSpecValidator.problem(null)).isEqualTo("spec is required");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(null)))).isEqualTo("spec.source is required");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(new Source(null, null, "a.mp4")))))
        .isEqualTo("spec.source needs exactly one of fileId or url");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(
        new Source("665f1c2e9b1d4a0012345678", "https://example.com/a.mp4", null)))))
        .isEqualTo("spec.source needs exactly one of fileId or url");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(Source.upload("not-an-id", null)))))
        .contains("spec.source.fileId");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(Source.url("ftp://example.com/a.mp4", null)))))
        .isEqualTo("spec.source.url must start with http:// or https://");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(
        Source.url("https://example.com/" + "a".repeat(SpecRules.URL_MAX_LENGTH), null))))).contains("longer than 2048");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setSource(
        Source.upload("665f1c2e9b1d4a0012345678", "a".repeat(256)))))).contains("spec.source.filename");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setOutput(null)))).isEqualTo("spec.output is required");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setOutput(OutputSpec.mp3("fast")))))
        .startsWith("spec.output.bitrate must look like");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setOwner(null)))).isEqualTo("spec.owner is required");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setOwner(new Owner(null, "a@b.c")))))
        .isEqualTo("spec.owner.username is required");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setOwner(new Owner("alice", "a")))))
        .isEqualTo("spec.owner.email must be 3 to 254 characters long");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setTimeoutSeconds(0))))
        .isEqualTo("spec.timeoutSeconds must be between 1 and 86400, was 0");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setRetries(-1))))
        .isEqualTo("spec.retries must be between 0 and 10, was -1");
    assertThat(VideoConversionSpecValidator.problem(with(s -> s.setRetries(11)))).contains("spec.retries");
  }

  @Test
  void reportsEveryViolationAtOnce() {
    assertThat(VideoConversionSpecValidator.violations(with(s -> {
      s.setOwner(null);
      s.setRetries(-1);
    }))).containsExactly("spec.owner is required", "spec.retries must be between 0 and 10, was -1");
  }

  @Test
  void anUnreadableSpecSaysWhy() {
    assertThat(VideoConversionSpecValidator.problem(VideoConversionSpec.unreadable("spec.retries: not a number", null)))
        .isEqualTo("spec cannot be read: spec.retries: not a number");
  }
}
