package io.video2mp3.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on the operator's resources (conversions and platforms). The name is derived
 * from the resource's uid and the reason, so each milestone is recorded once even when a reconcile
 * is repeated; a repeated reason with a new message (another error) updates that Event.
 */
public class ResourceEvents {

  public static final String QUEUED = "Queued";
  public static final String JOB_CREATED = "JobCreated";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  /** The spec breaks the CRD schema's rules (or cannot be read at all): Failed without a Job. */
  public static final String INVALID_SPEC = "InvalidSpec";
  /** A finished conversion outlived its namespace's retention and is deleted with its files. */
  public static final String EXPIRED = "Expired";
  /** A reconcile threw: the API server refused something, or a dependency failed. Retried. */
  public static final String RECONCILE_ERROR = "ReconcileError";
  private static final String COMPONENT = "video2mp3-operator";
  private static final Logger LOG = LoggerFactory.getLogger(ResourceEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  public ResourceEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public static String eventName(HasMetadata resource, String reason) {
    String uid = resource.getMetadata().getUid() == null ? "0" : resource.getMetadata().getUid();
    String suffix = "." + uid.substring(0, Math.min(8, uid.length())) + "." + reason.toLowerCase(Locale.ROOT);
    String name = resource.getMetadata().getName();
    return (name.length() + suffix.length() > 253 ? name.substring(0, 253 - suffix.length()) : name) + suffix;
  }

  public void normal(HasMetadata resource, String reason, String message) {
    record(resource, "Normal", reason, message);
  }

  public void warning(HasMetadata resource, String reason, String message) {
    record(resource, "Warning", reason, message);
  }

  private void record(HasMetadata resource, String type, String reason, String message) {
    var meta = resource.getMetadata();
    String now = clock.instant().toString();
    String name = eventName(resource, reason);
    var event = new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(meta.getNamespace()).endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(resource.getApiVersion()).withKind(resource.getKind())
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
      // An event is a courtesy: never fail a reconcile over one.
      if (e.getCode() == 409) {
        refresh(meta.getNamespace(), name, message, now);
      } else {
        LOG.warn("could not record event {} on {}/{}: {}", reason, meta.getNamespace(), meta.getName(), e.getMessage());
      }
    }
  }

  /** Recorded before: say it happened again, with what it says now. */
  private void refresh(String namespace, String name, String message, String now) {
    try {
      client.v1().events().inNamespace(namespace).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE),
              Serialization.asJson(Map.of("message", message, "lastTimestamp", now)));
    } catch (KubernetesClientException e) {
      LOG.debug("could not update event {}/{}: {}", namespace, name, e.getMessage());
    }
  }
}
