package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.video2mp3.api.conversion.validation.LenientSpecDeserializer;
import io.video2mp3.api.conversion.validation.LenientSpecSerializer;
import java.util.List;

/** One video to turn into an MP3; reconciled into one ffmpeg Job by the operator. */
@Group(VideoConversion.GROUP)
@Version(VideoConversion.VERSION)
@Singular("videoconversion")
@Plural("videoconversions")
@ShortNames("vc")
@Categories("video2mp3")
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "PROGRESS", jsonPath = ".status.progress", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "OWNER", jsonPath = ".spec.owner.username")
@AdditionalPrinterColumn(name = "SIZE", jsonPath = ".status.output.sizeBytes", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
// kubectl get vc -o wide adds these (priority 1).
@AdditionalPrinterColumn(name = "JOB", jsonPath = ".status.jobName", priority = 1)
@AdditionalPrinterColumn(name = "ATTEMPTS", jsonPath = ".status.attempts", type = Type.INTEGER, priority = 1)
@AdditionalPrinterColumn(name = "MESSAGE", jsonPath = ".status.message", priority = 1)
public class VideoConversion extends CustomResource<VideoConversionSpec, VideoConversionStatus>
    implements Namespaced {

  public static final String GROUP = "video2mp3.io";
  public static final String VERSION = "v1alpha1";
  public static final String CRD_NAME = "videoconversions." + GROUP;
  /** Classpath location of the CRD YAML, for installing it into a (mock) API server. */
  public static final String CRD_RESOURCE = "/META-INF/crds/" + CRD_NAME + "-v1.yml";
  /** The order {@code kubectl get vc} shows the columns in, after NAME ({@code -o wide} adds the last three). */
  public static final List<String> PRINTER_COLUMN_ORDER =
      List.of("PHASE", "PROGRESS", "OWNER", "SIZE", "AGE", "JOB", "ATTEMPTS", "MESSAGE");

  /** The name both creators (gateway and operator intake) give the conversion of an uploaded file. */
  public static String nameForFileId(String fileId) {
    return "vc-" + fileId;
  }

  /**
   * What this conversion is: the record fixed on the status when it was admitted, else what the
   * spec asks for now. Everything decided after admission (the Job, the finished event, who may
   * download) reads it from here, so a later edit of the spec changes nothing already decided.
   */
  @JsonIgnore
  public AdmittedRequest request() {
    VideoConversionStatus status = getStatus();
    if (status != null && status.getAdmitted() != null) {
      return status.getAdmitted();
    }
    return getSpec() == null ? new AdmittedRequest(null, null, null) : AdmittedRequest.of(getSpec());
  }

  /** An unreadable spec is written back as it was stored, so a copy made through JSON stays unreadable. */
  @Override
  @JsonSerialize(using = LenientSpecSerializer.class)
  public VideoConversionSpec getSpec() {
    return super.getSpec();
  }

  /** Leniently: a spec that does not fit the types becomes an unreadable spec, never a failed list or watch. */
  @Override
  @JsonDeserialize(using = LenientSpecDeserializer.class)
  public void setSpec(VideoConversionSpec spec) {
    super.setSpec(spec);
  }

  @Override
  protected VideoConversionStatus initStatus() {
    return new VideoConversionStatus();
  }
}
