package io.video2mp3.api.conversion;

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

  @Override
  protected VideoConversionStatus initStatus() {
    return new VideoConversionStatus();
  }
}
