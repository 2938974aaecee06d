package io.video2mp3.gateway.support;

import io.video2mp3.api.conversion.VideoConversion;
import java.util.function.UnaryOperator;

/** A started auth service, the infrastructure and one gateway on them; closed in reverse order. */
public record GatewayStack(AuthProcess auth, Infrastructure infra, GatewayInstance gateway) implements AutoCloseable {

  public static GatewayStack start(String name) throws Exception {
    return start(name, UnaryOperator.identity());
  }

  /** Starts auth (log {@code target/auth-<name>.log}), the infrastructure and a gateway with {@code settings}. */
  public static GatewayStack start(String name, UnaryOperator<GatewayInstance.Builder> settings) throws Exception {
    AuthProcess auth = AuthProcess.start(name);
    Infrastructure infra = null;
    try {
      infra = new Infrastructure();
      return new GatewayStack(auth, infra, settings.apply(GatewayInstance.builder(infra, auth)).start());
    } catch (Exception | Error e) {
      if (infra != null) {
        infra.close();
      }
      auth.close();
      throw e;
    }
  }

  /** The resource as the API server has it, or null. */
  public VideoConversion conversion(String name) {
    return infra.kubernetes.resources(VideoConversion.class).inNamespace(Infrastructure.NAMESPACE).withName(name).get();
  }

  @Override
  public void close() throws Exception {
    try (AuthProcess a = auth; Infrastructure i = infra; GatewayInstance g = gateway) {
      // try-with-resources closes the gateway, then the infrastructure, then auth, even when one fails
    }
  }
}
