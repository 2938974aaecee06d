package io.video2mp3.gateway.conversion;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.video2mp3.gateway.config.GatewaySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kubernetes client: kubeconfig or in-cluster as usual, every request bounded, no long retry loops. */
@Configuration
class KubernetesConfig {

  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient(GatewaySettings settings) {
    Config base = settings.hasKubernetesMasterUrl()
        ? new ConfigBuilder(Config.empty()).withMasterUrl(settings.kubernetesMasterUrl()).build()
        : Config.autoConfigure(null);
    int timeoutMs = (int) settings.dependencyTimeout().toMillis();
    Config config = new ConfigBuilder(base)
        .withConnectionTimeout(timeoutMs)
        .withRequestTimeout(timeoutMs)
        // fabric8 retries failed requests with backoff by default; a request must answer within the timeout.
        .withRequestRetryBackoffLimit(0)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
