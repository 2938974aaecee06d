package io.video2mp3.gateway.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything a deployment changes, bound from the environment (see application.yml for the variable
 * names and defaults).
 *
 * @param authUrl base URL of the auth service
 * @param mongodbUri MongoDB connection string; the database is taken from it
 * @param rabbitmqUri AMQP URI of the broker
 * @param conversionsNamespace namespace the VideoConversions live in
 * @param kubernetesMasterUrl API server URL; empty means kubeconfig / in-cluster as usual
 * @param maxUploadSize largest accepted upload
 * @param publicBaseUrl base URL clients reach the gateway at (for status links); empty means the request's
 * @param dependencyTimeout how long a call to auth, MongoDB, RabbitMQ or Kubernetes may take before 503
 * @param tokenCacheTtl how long a validated token is trusted without asking auth again (never past exp)
 * @param outputBitrate bitrate requested for new conversions
 */
@ConfigurationProperties("gateway")
public record GatewaySettings(
    URI authUrl,
    String mongodbUri,
    String rabbitmqUri,
    String conversionsNamespace,
    String kubernetesMasterUrl,
    DataSize maxUploadSize,
    String publicBaseUrl,
    Duration dependencyTimeout,
    Duration tokenCacheTtl,
    String outputBitrate) {

  public GatewaySettings {
    if (maxUploadSize == null || maxUploadSize.toBytes() <= 0) {
      throw new IllegalArgumentException("MAX_UPLOAD_SIZE must be a positive size such as 2GB");
    }
    if (dependencyTimeout == null || dependencyTimeout.isNegative() || dependencyTimeout.isZero()) {
      throw new IllegalArgumentException("DEPENDENCY_TIMEOUT must be a positive duration such as 5s");
    }
  }

  public boolean hasKubernetesMasterUrl() {
    return kubernetesMasterUrl != null && !kubernetesMasterUrl.isBlank();
  }

  public boolean hasPublicBaseUrl() {
    return publicBaseUrl != null && !publicBaseUrl.isBlank();
  }
}
