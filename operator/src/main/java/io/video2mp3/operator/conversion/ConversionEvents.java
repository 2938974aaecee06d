package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.video2mp3.api.conversion.VideoConversion;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on a conversion. The name is derived from the conversion's uid and the reason,
 * so each milestone is recorded once even when a reconcile is repeated.
 */
public class ConversionEvents {

  public static final String QUEUED = "Queued";
  public static final String JOB_CREATED = "JobCreated";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  /** A finished conversion outlived its namespace's retention and is deleted with its files. */
  public static final String EXPIRED = "Expired";
  private static final String COMPONENT = "video2mp3-operator";
  private static final Logger LOG = LoggerFactory.getLogger(ConversionEvents.class);

  private final KubernetesClient client;

  public ConversionEvents(KubernetesClient client) {
    this.client = client;
  }

  public static String eventName(VideoConversion conversion, String reason) {
    String uid = conversion.getMetadata().getUid() == null ? "0" : conversion.getMetadata().getUid();
    String suffix = "." + uid.substring(0, Math.min(8, uid.length())) + "." + reason.toLowerCase(Locale.ROOT);
    String name = conversion.getMetadata().getName();
    return (name.length() + suffix.length() > 253 ? name.substring(0, 253 - suffix.length()) : name) + suffix;
  }

  public void normal(VideoConversion conversion, String reason, String message) {
    record(conversion, "Normal", reason, message);
  }

  public void warning(VideoConversion conversion, String reason, String message) {
    record(conversion, "Warning", reason, message);
  }

  private void record(VideoConversion conversion, String type, String reason, String message) {
    var meta = conversion.getMetadata();
    String now = Instant.now().toString();
    var event = new EventBuilder()
        .withNewMetadata().withName(eventName(conversion, reason)).withNamespace(meta.getNamespace()).endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(conversion.getApiVersion()).withKind(conversion.getKind())
          .withName(meta.getName()).withNamespace(meta.getNamespace()).withUid(meta.getUid())
        .endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy: never fail a reconcile over one (409: already recorded).
      if (e.getCode() != 409) {
        LOG.warn("could not record event {} on {}/{}: {}", reason, meta.getNamespace(), meta.getName(), e.getMessage());
      }
    }
  }
}
