package io.video2mp3.gateway.support;

/** A started auth service, the infrastructure and one gateway on them; closed in reverse order. */
public record GatewayStack(AuthProcess auth, Infrastructure infra, GatewayInstance gateway) implements AutoCloseable {

  public static GatewayStack start(String name) throws Exception {
    AuthProcess auth = AuthProcess.start(name);
    Infrastructure infra = null;
    try {
      infra = new Infrastructure();
      return new GatewayStack(auth, infra, GatewayInstance.builder(infra, auth).start());
    } catch (Exception | Error e) {
      if (infra != null) {
        infra.close();
      }
      auth.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try (AuthProcess a = auth; Infrastructure i = infra; GatewayInstance g = gateway) {
      // try-with-resources closes the gateway, then the infrastructure, then auth, even when one fails
    }
  }
}
