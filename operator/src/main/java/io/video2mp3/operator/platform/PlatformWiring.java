package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.operator.reconcile.ResourceEvents;
import java.security.SecureRandom;
import java.time.Clock;

/** How the ConversionPlatform reconciler is put together: its timing and where it reaches the services. */
public record PlatformWiring(ConversionPlatformReconciler.Timing timing, PlatformAddresses addresses) {

  public static final PlatformWiring DEFAULT = new PlatformWiring(ConversionPlatformReconciler.Timing.DEFAULT,
      PlatformAddresses.CLUSTER_DNS);

  public ConversionPlatformReconciler reconciler(KubernetesClient client, Clock clock) {
    return new ConversionPlatformReconciler(new OwnedResources(client),
        new PlatformSecrets(new CredentialGenerator(new SecureRandom())),
        new ReplicaSetManager(timing.dependencyTimeout()), new TopologyDeclarer(timing.dependencyTimeout()),
        addresses, new ResourceEvents(client, clock), timing, clock);
  }
}
