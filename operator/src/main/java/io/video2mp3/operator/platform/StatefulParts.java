package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.video2mp3.api.platform.ConversionPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the MongoDB and RabbitMQ StatefulSets share: Services, disruption budget, volume, lockdown. */
final class StatefulParts {

  /** The official mongo and rabbitmq images both run as this user. */
  static final long IMAGE_USER = 999L;
  static final String DATA_VOLUME = "data";

  private StatefulParts() {
  }

  static ServicePort port(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withNewTargetPort(port).withProtocol("TCP").build();
  }

  /**
   * The Service giving each member a stable DNS name. Not-ready members are published too: members
   * must find each other before any of them is ready (replica set initiation, cluster formation).
   */
  static Service headless(ConversionPlatform platform, String name, String component, List<ServicePort> ports) {
    return new ServiceBuilder()
        .withMetadata(PlatformLabels.metadata(platform, name, component))
        .withNewSpec()
          .withClusterIP("None")
          .withPublishNotReadyAddresses(true)
          .withSelector(PlatformLabels.selector(platform, component))
          .withPorts(ports)
        .endSpec()
        .build();
  }

  /** The Service clients use: ready members only. */
  static Service client(ConversionPlatform platform, String name, String component, List<ServicePort> ports) {
    return new ServiceBuilder()
        .withMetadata(PlatformLabels.metadata(platform, name, component))
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(PlatformLabels.selector(platform, component))
          .withPorts(ports)
        .endSpec()
        .build();
  }

  /**
   * One member down at a time through voluntary disruptions (drains): a majority of three or more
   * stays up, and a single member never blocks a drain forever.
   */
  static PodDisruptionBudget disruptionBudget(ConversionPlatform platform, String name, String component) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(PlatformLabels.metadata(platform, name, component))
        .withNewSpec()
          .withMaxUnavailable(new IntOrString(1))
          .withNewSelector().withMatchLabels(PlatformLabels.selector(platform, component)).endSelector()
        .endSpec()
        .build();
  }

  static PersistentVolumeClaim dataClaim(ConversionPlatform platform, String component, String storage) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
          .withName(DATA_VOLUME)
          .withLabels(PlatformLabels.selector(platform, component))
        .endMetadata()
        .withNewSpec()
          .withAccessModes("ReadWriteOnce")
          .withNewResources().addToRequests("storage", new Quantity(storage)).endResources()
        .endSpec()
        .build();
  }

  static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(IMAGE_USER)
        .withRunAsGroup(IMAGE_USER)
        // The volumes become writable by the image's user.
        .withFsGroup(IMAGE_USER)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  static SecurityContext containerSecurity() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .build();
  }

  /** The spec's resources, with requests filled in where it sets none (the scheduler needs them). */
  static ResourceRequirements resources(ResourceRequirements spec, String cpu, String memory) {
    Map<String, Quantity> requests = new HashMap<>();
    requests.put("cpu", new Quantity(cpu));
    requests.put("memory", new Quantity(memory));
    if (spec != null && spec.getRequests() != null) {
      requests.putAll(spec.getRequests());
    }
    return new ResourceRequirementsBuilder()
        .withRequests(requests)
        .withLimits(spec == null || spec.getLimits() == null ? Map.of() : spec.getLimits())
        .build();
  }

  static EnvVar secretEnv(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
        .withName(secret).withKey(key).withOptional(false).endSecretKeyRef().endValueFrom().build();
  }
}
