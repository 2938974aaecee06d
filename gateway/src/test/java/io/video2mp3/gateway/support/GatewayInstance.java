package io.video2mp3.gateway.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.gateway.GatewayApplication;
import io.video2mp3.testsupport.rbac.RbacAudit;
import io.video2mp3.testsupport.rbac.RequestRecorder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway running in the test JVM on a free port; several may run at once with different settings
 * (a broker that is down, a dead API server, a small upload limit).
 */
public final class GatewayInstance implements AutoCloseable {

  /** DOWNLOAD_LINK_SECRET of every test gateway. */
  public static final String LINK_SECRET = "gateway-test-download-link-secret-0123456789";

  private final ConfigurableApplicationContext context;
  private final URI url;
  private final URI managementUrl;
  /** Every request of the gateway's Kubernetes client: {@link #close()} checks them against its Role. */
  private final RequestRecorder kubernetesRequests = new RequestRecorder();

  private GatewayInstance(Map<String, String> properties) {
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    context = new SpringApplicationBuilder(GatewayApplication.class)
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new RecordingKubernetesClient()))
        .run(args);
    url = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    managementUrl = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
  }

  public static Builder builder(Infrastructure infrastructure, AuthProcess auth) {
    return new Builder()
        .set("server.port", "0")
        .set("management.server.port", "0")
        .set("gateway.auth-url", auth.url().toString())
        .set("gateway.mongodb-uri", infrastructure.mongoUri)
        .set("gateway.rabbitmq-uri", Infrastructure.RABBITMQ_URI)
        .set("gateway.kubernetes-master-url", infrastructure.kubernetesUrl())
        .set("gateway.conversions-namespace", Infrastructure.NAMESPACE)
        .set("gateway.dependency-timeout", "3s")
        .set("gateway.download-link-secret", LINK_SECRET);
  }

  public URI url() {
    return url;
  }

  public URI url(String path) {
    return url.resolve(path);
  }

  /** The actuator's (health, Prometheus) port's URL for {@code path}. */
  public URI managementUrl(String path) {
    return managementUrl.resolve(path);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Stops the gateway, then fails if it made a request its Role in the manifests does not grant. */
  @Override
  public void close() {
    context.close();
    RbacAudit.forDeployment("gateway", "gateway").verify(kubernetesRequests);
  }

  /** Gives the gateway's client (its configuration unchanged) the request recorder. */
  private final class RecordingKubernetesClient implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (bean instanceof KubernetesClient client) {
        KubernetesClient recording = kubernetesRequests.clientBuilder().withConfig(client.getConfiguration()).build();
        client.close();
        return recording;
      }
      return bean;
    }
  }

  public static final class Builder {
    private final Map<String, String> properties = new LinkedHashMap<>();

    public Builder set(String key, String value) {
      properties.put(key, value);
      return this;
    }

    public GatewayInstance start() {
      return new GatewayInstance(properties);
    }
  }
}
