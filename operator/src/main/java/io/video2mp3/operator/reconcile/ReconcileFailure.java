package io.video2mp3.operator.reconcile;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;

/**
 * Why a reconcile failed, as a resource's condition and Event say it: the API server's own reason
 * and message when it refused a request (e.g. {@code Forbidden}, {@code exceeded quota: ...}),
 * else the error's kind and message.
 */
public record ReconcileFailure(String reason, String message) {

  public static ReconcileFailure of(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof KubernetesClientException refused) {
        Status status = refused.getStatus();
        String reason = status != null && !blank(status.getReason()) ? status.getReason()
            : refused.getCode() > 0 ? "ApiError" + refused.getCode() : "ApiServerUnreachable";
        String message = status == null || blank(status.getMessage()) ? refused.getMessage() : status.getMessage();
        return new ReconcileFailure(reason, Objects.requireNonNullElse(message, "HTTP " + refused.getCode()));
      }
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new ReconcileFailure(error.getClass().getSimpleName(), message);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
