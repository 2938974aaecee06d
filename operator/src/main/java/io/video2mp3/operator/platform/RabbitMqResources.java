package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.RabbitMqSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RabbitMQ cluster: configuration, Services, StatefulSet, disruption budget, and the
 * ServiceAccount and RBAC its Kubernetes peer discovery uses to find the other nodes. Pure.
 */
public final class RabbitMqResources {

  public static final String CONTAINER = "rabbitmq";
  public static final String CONFIG_FILE = "rabbitmq.conf";
  public static final String PLUGINS_FILE = "enabled_plugins";
  static final String HOME = "/var/lib/rabbitmq";
  static final String CONFIG_VOLUME = "config";
  static final String COOKIE_VOLUME = "erlang-cookie";
  /** How long a stopping node waits for its quorum queues to have a majority elsewhere. */
  static final long PRE_STOP_TIMEOUT_SECONDS = 600L;
  /**
   * Before a node stops (rollout, drain, scale): wait, bounded, until every quorum queue it hosts
   * has enough members online elsewhere to keep a majority without it, then drain it (clients
   * move, leaderships hand over). A timeout stops the node anyway: a hung hook must not block a
   * node's shutdown forever, and the grace period covers both waits.
   */
  static final String PRE_STOP = "rabbitmq-upgrade await_online_quorum_plus_one -t " + PRE_STOP_TIMEOUT_SECONDS
      + "; rabbitmq-upgrade drain -t 60; true";

  private RabbitMqResources() {
  }

  /**
   * Nodes find each other through the headless Service's endpoints; a minority side of a network
   * partition pauses rather than diverging, which quorum queues expect; new quorum queue leaders
   * are spread over the nodes. Nothing here depends on the node count, so scaling restarts no node.
   */
  public static ConfigMap config(ConversionPlatform platform) {
    PlatformNames names = PlatformNames.of(platform);
    String conf = String.join("\n",
        "cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s",
        "cluster_formation.k8s.host = kubernetes.default.svc.cluster.local",
        "cluster_formation.k8s.address_type = hostname",
        "cluster_formation.k8s.service_name = " + names.rabbitmqHeadless(),
        "cluster_formation.k8s.hostname_suffix = " + names.rabbitmqHostnameSuffix(),
        "cluster_formation.node_cleanup.interval = 30",
        "cluster_formation.node_cleanup.only_log_warning = true",
        "cluster_partition_handling = pause_minority",
        "queue_leader_locator = balanced",
        "listeners.tcp.default = " + PlatformNames.AMQP_PORT,
        "prometheus.tcp.port = 15692",
        "");
    Map<String, String> data = new LinkedHashMap<>();
    data.put(CONFIG_FILE, conf);
    data.put(PLUGINS_FILE, "[rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n");
    return new ConfigMapBuilder()
        .withMetadata(PlatformLabels.metadata(platform, names.rabbitmqConfig(), PlatformLabels.RABBITMQ))
        .withData(data)
        .build();
  }

  public static ServiceAccount serviceAccount(ConversionPlatform platform) {
    return new ServiceAccountBuilder()
        .withMetadata(PlatformLabels.metadata(platform, PlatformNames.of(platform).rabbitmqPeerDiscovery(),
            PlatformLabels.RABBITMQ))
        .build();
  }

  /** Peer discovery reads the headless Service's endpoints, nothing else. */
  public static Role peerDiscoveryRole(ConversionPlatform platform) {
    return new RoleBuilder()
        .withMetadata(PlatformLabels.metadata(platform, PlatformNames.of(platform).rabbitmqPeerDiscovery(),
            PlatformLabels.RABBITMQ))
        .addNewRule().withApiGroups("").withResources("endpoints").withVerbs("get").endRule()
        .build();
  }

  public static RoleBinding peerDiscoveryRoleBinding(ConversionPlatform platform) {
    String name = PlatformNames.of(platform).rabbitmqPeerDiscovery();
    return new RoleBindingBuilder()
        .withMetadata(PlatformLabels.metadata(platform, name, PlatformLabels.RABBITMQ))
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(name)
          .withNamespace(platform.getMetadata().getNamespace()).endSubject()
        .build();
  }

  public static Service headlessService(ConversionPlatform platform) {
    return StatefulParts.headless(platform, PlatformNames.of(platform).rabbitmqHeadless(), PlatformLabels.RABBITMQ,
        List.of(StatefulParts.port("amqp", PlatformNames.AMQP_PORT), StatefulParts.port("epmd", 4369),
            StatefulParts.port("cluster", 25672)));
  }

  public static Service clientService(ConversionPlatform platform) {
    return StatefulParts.client(platform, PlatformNames.of(platform).rabbitmq(), PlatformLabels.RABBITMQ,
        List.of(StatefulParts.port("amqp", PlatformNames.AMQP_PORT), StatefulParts.port("prometheus", 15692)));
  }

  public static PodDisruptionBudget disruptionBudget(ConversionPlatform platform) {
    return StatefulParts.disruptionBudget(platform, PlatformNames.of(platform).rabbitmq(), PlatformLabels.RABBITMQ);
  }

  public static StatefulSet statefulSet(ConversionPlatform platform) {
    return statefulSet(platform, platform.getSpec().rabbitmqOrDefaults().replicas());
  }

  /** With {@code replicas} nodes: the spec's, or more when a scale-down is refused. */
  public static StatefulSet statefulSet(ConversionPlatform platform, int replicas) {
    PlatformNames names = PlatformNames.of(platform);
    RabbitMqSpec spec = platform.getSpec().rabbitmqOrDefaults();
    return new StatefulSetBuilder()
        .withMetadata(PlatformLabels.metadata(platform, names.rabbitmq(), PlatformLabels.RABBITMQ))
        .withNewSpec()
          .withServiceName(names.rabbitmqHeadless())
          .withReplicas(replicas)
          // RabbitMQ's advice: start the nodes together, so that a restarted cluster re-forms.
          .withPodManagementPolicy("Parallel")
          .withNewSelector().withMatchLabels(PlatformLabels.selector(platform, PlatformLabels.RABBITMQ)).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(PlatformLabels.forComponent(platform, PlatformLabels.RABBITMQ)).endMetadata()
            .withNewSpec()
              .withServiceAccountName(names.rabbitmqPeerDiscovery())
              // Peer discovery calls the API server with this token.
              .withAutomountServiceAccountToken(true)
              .withEnableServiceLinks(false)
              .withSecurityContext(StatefulParts.podSecurity())
              // Room for the preStop hook's bounded waits, then for the node to stop.
              .withTerminationGracePeriodSeconds(PRE_STOP_TIMEOUT_SECONDS + 60L)
              .addNewVolume()
                .withName(CONFIG_VOLUME)
                .withNewConfigMap().withName(names.rabbitmqConfig()).endConfigMap()
              .endVolume()
              .addNewVolume()
                .withName(COOKIE_VOLUME)
                .withNewSecret().withSecretName(names.rabbitmqSecret())
                  .addNewItem().withKey(RabbitCredentials.ERLANG_COOKIE).withPath(RabbitCredentials.ERLANG_COOKIE)
                  .endItem()
                .endSecret()
              .endVolume()
              // Erlang refuses a cookie file others may read: copy it into the node's home with mode 600.
              .addNewInitContainer()
                .withName("erlang-cookie")
                .withImage(spec.image())
                .withCommand("sh", "-c", "cp /cookie/" + RabbitCredentials.ERLANG_COOKIE + " " + HOME + "/"
                    + RabbitCredentials.ERLANG_COOKIE + " && chmod 600 " + HOME + "/" + RabbitCredentials.ERLANG_COOKIE)
                .addNewVolumeMount().withName(COOKIE_VOLUME).withMountPath("/cookie").withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName(StatefulParts.DATA_VOLUME).withMountPath(HOME).endVolumeMount()
                .withResources(StatefulParts.resources(null, "10m", "16Mi"))
                .withSecurityContext(StatefulParts.containerSecurity())
              .endInitContainer()
              .addNewContainer()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withEnv(env(names))
                .addNewPort().withName("amqp").withContainerPort(PlatformNames.AMQP_PORT).endPort()
                .addNewPort().withName("epmd").withContainerPort(4369).endPort()
                .addNewPort().withName("cluster").withContainerPort(25672).endPort()
                .addNewPort().withName("prometheus").withContainerPort(15692).endPort()
                .withNewReadinessProbe()
                  .withNewExec().withCommand("rabbitmq-diagnostics", "-q", "check_port_connectivity").endExec()
                  .withInitialDelaySeconds(10).withPeriodSeconds(15).withTimeoutSeconds(10)
                .endReadinessProbe()
                .withNewLivenessProbe()
                  .withNewExec().withCommand("rabbitmq-diagnostics", "-q", "ping").endExec()
                  .withInitialDelaySeconds(60).withPeriodSeconds(30).withTimeoutSeconds(15).withFailureThreshold(5)
                .endLivenessProbe()
                .withNewLifecycle().withNewPreStop().withNewExec().withCommand("sh", "-c", PRE_STOP)
                  .endExec().endPreStop().endLifecycle()
                .withResources(StatefulParts.resources(spec.resources(), "250m", "512Mi"))
                .withSecurityContext(StatefulParts.containerSecurity())
                .addNewVolumeMount().withName(StatefulParts.DATA_VOLUME).withMountPath(HOME).endVolumeMount()
                .addNewVolumeMount().withName(CONFIG_VOLUME).withMountPath("/etc/rabbitmq/" + CONFIG_FILE)
                  .withSubPath(CONFIG_FILE).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName(CONFIG_VOLUME).withMountPath("/etc/rabbitmq/" + PLUGINS_FILE)
                  .withSubPath(PLUGINS_FILE).withReadOnly(true).endVolumeMount()
              .endContainer()
            .endSpec()
          .endTemplate()
          .withVolumeClaimTemplates(StatefulParts.dataClaim(platform, PlatformLabels.RABBITMQ, spec.storage()))
        .endSpec()
        .build();
  }

  /** Long node names (rabbit@pod.headless.namespace.svc.cluster.local), as peer discovery's hostnames are. */
  private static List<EnvVar> env(PlatformNames names) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("MY_POD_NAME").withNewValueFrom().withNewFieldRef()
        .withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
    env.add(new EnvVarBuilder().withName("RABBITMQ_USE_LONGNAME").withValue("true").build());
    env.add(new EnvVarBuilder().withName("RABBITMQ_NODENAME")
        .withValue("rabbit@$(MY_POD_NAME)" + names.rabbitmqHostnameSuffix()).build());
    env.add(new EnvVarBuilder().withName("K8S_SERVICE_NAME").withValue(names.rabbitmqHeadless()).build());
    // The official image creates this user on a node's first start.
    env.add(StatefulParts.secretEnv("RABBITMQ_DEFAULT_USER", names.rabbitmqSecret(), RabbitCredentials.USER));
    env.add(StatefulParts.secretEnv("RABBITMQ_DEFAULT_PASS", names.rabbitmqSecret(), RabbitCredentials.PASSWORD));
    return env;
  }
}
