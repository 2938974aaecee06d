package io.video2mp3.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.net.HttpURLConnection;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's leader-election Lease. JOSDK 5.2 never releases the Lease when it stops, so a standby
 * would wait for it to expire: {@link #release} hands it over at once, as client-go's ReleaseOnCancel does.
 */
final class LeaderElection {

  static final String LEASE_NAME = "video2mp3-operator";
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final String identity;
  private final String namespace;

  /** The identity is the pod name (HOSTNAME) plus a random suffix: two operators never share one. */
  LeaderElection(String namespace, String hostname) {
    this.namespace = namespace;
    String host = Optional.ofNullable(hostname).filter(h -> !h.isBlank()).orElse("operator");
    this.identity = host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  LeaderElectionConfiguration configuration(LeaderCallbacks callbacks) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
        .withLeaseNamespace(namespace)
        .withIdentity(identity)
        // JOSDK's own exit would also fire while we stop on purpose (and System.exit inside a
        // shutdown hook hangs): exit only when leadership is lost while running.
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(callbacks)
        .build();
  }

  /** Empties the Lease if this operator holds it; call after the operator stopped renewing it. */
  void release(KubernetesClient client) {
    var leases = client.leases().inNamespace(namespace);
    Lease current = leases.withName(LEASE_NAME).get();
    if (current == null || current.getSpec() == null || !identity.equals(current.getSpec().getHolderIdentity())) {
      return;
    }
    current.getSpec().setHolderIdentity(null);
    current.getSpec().setLeaseDurationSeconds(1);
    current.getSpec().setRenewTime(ZonedDateTime.now());
    try {
      leases.resource(current).update(); // carries the resourceVersion: a conflicting renewal wins
      LOG.info("released the leader Lease {}/{}", namespace, LEASE_NAME);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        LOG.warn("could not release the leader Lease {}/{}: {}", namespace, LEASE_NAME, e.getMessage());
      }
    }
  }
}
