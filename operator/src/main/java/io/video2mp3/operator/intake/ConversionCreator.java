package io.video2mp3.operator.intake;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.video2mp3.api.conversion.VideoConversion;

/** Creates a VideoConversion and classifies the API server's answer for the intake. */
public class ConversionCreator {

  public enum Outcome { CREATED, EXISTS, REFUSED, UNAVAILABLE }

  public record Result(Outcome outcome, String detail) {
  }

  private final KubernetesClient client;

  public ConversionCreator(KubernetesClient client) {
    this.client = client;
  }

  public Result create(VideoConversion conversion) {
    try {
      client.resources(VideoConversion.class).inNamespace(conversion.getMetadata().getNamespace())
          .resource(conversion).create();
      return new Result(Outcome.CREATED, null);
    } catch (KubernetesClientException e) {
      return new Result(classify(e.getCode()), e.getMessage());
    } catch (RuntimeException e) {
      return new Result(Outcome.UNAVAILABLE, e.getMessage());
    }
  }

  /**
   * 409: both creators use the same name, so someone was first. 400/404/422: the server will never
   * take this resource (schema, missing namespace). Anything else (no answer, 5xx, 429, 403 while RBAC
   * is being fixed) may pass later.
   */
  static Outcome classify(int code) {
    return switch (code) {
      case 409 -> Outcome.EXISTS;
      case 400, 404, 422 -> Outcome.REFUSED;
      default -> Outcome.UNAVAILABLE;
    };
  }
}
