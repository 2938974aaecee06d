package io.video2mp3.gateway.support;

import io.video2mp3.api.conversion.VideoConversion;
import java.util.function.UnaryOperator;

/** A gateway with everything around it: the auth process, the infrastructure; closed in reverse order. */
public final class GatewayStack implements AutoCloseable {

  public final AuthProcess auth;
  public final Infrastructure infra;
  public final GatewayInstance gateway;

  private GatewayStack(AuthProcess auth, Infrastructure infra, GatewayInstance gateway) {
    this.auth = auth;
    this.infra = infra;
    this.gateway = gateway;
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
    gateway.close();
    infra.close();
    auth.close();
  }
}
