package io.video2mp3.operator.platform;

import static io.video2mp3.operator.platform.PlatformSecretsTest.assertOwned;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.RabbitMqSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitMqResourcesTest {

  private final ConversionPlatform platform = TestPlatforms.defaults("prod");
  private static final Map<String, String> SELECTOR = Map.of(
      "app.kubernetes.io/name", "rabbitmq", "app.kubernetes.io/instance", "prod");

  @Test
  void configEnablesKubernetesPeerDiscoveryAndPausesMinorities() {
    ConfigMap config = RabbitMqResources.config(platform);
    assertOwned(config);
    assertThat(config.getMetadata().getName()).isEqualTo("prod-rabbitmq-config");
    assertThat(config.getData().get("enabled_plugins"))
        .isEqualTo("[rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n");
    assertThat(config.getData().get("rabbitmq.conf")).contains(
        "cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s\n",
        "cluster_formation.k8s.address_type = hostname\n",
        "cluster_formation.k8s.service_name = prod-rabbitmq-headless\n",
        "cluster_formation.k8s.hostname_suffix = .prod-rabbitmq-headless.media.svc.cluster.local\n",
        "cluster_partition_handling = pause_minority\n",
        "queue_leader_locator = balanced\n");
  }

  @Test
  void configDoesNotChangeWithTheNodeCount() {
    ConversionPlatform five = TestPlatforms.platform("prod",
        new ConversionPlatformSpec(null, new RabbitMqSpec(5, null, null, null), null));
    assertThat(RabbitMqResources.config(five)).isEqualTo(RabbitMqResources.config(platform));
  }

  @Test
  void peerDiscoveryMayOnlyGetEndpoints() {
    Role role = RabbitMqResources.peerDiscoveryRole(platform);
    assertOwned(role);
    assertThat(role.getMetadata().getName()).isEqualTo("prod-rabbitmq-peer-discovery");
    assertThat(role.getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getApiGroups()).containsExactly("");
      assertThat(rule.getResources()).containsExactly("endpoints");
      assertThat(rule.getVerbs()).containsExactly("get");
    });
    RoleBinding binding = RabbitMqResources.peerDiscoveryRoleBinding(platform);
    assertOwned(binding);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("prod-rabbitmq-peer-discovery");
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("ServiceAccount");
      assertThat(s.getName()).isEqualTo("prod-rabbitmq-peer-discovery");
      assertThat(s.getNamespace()).isEqualTo("media");
    });
    assertOwned(RabbitMqResources.serviceAccount(platform));
    assertThat(RabbitMqResources.serviceAccount(platform).getMetadata().getName())
        .isEqualTo("prod-rabbitmq-peer-discovery");
  }

  @Test
  void statefulSetRunsLongNamedNodesWithTheGeneratedUser() {
    StatefulSet set = RabbitMqResources.statefulSet(platform);
    assertOwned(set);
    assertThat(set.getMetadata().getName()).isEqualTo("prod-rabbitmq");
    assertThat(set.getSpec().getReplicas()).isEqualTo(3);
    assertThat(set.getSpec().getServiceName()).isEqualTo("prod-rabbitmq-headless");
    assertThat(set.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    assertThat(set.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
    PodSpec pod = set.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("prod-rabbitmq-peer-discovery");
    Container rabbit = pod.getContainers().get(0);
    assertThat(rabbit.getImage()).isEqualTo("rabbitmq:3.13");
    Map<String, EnvVar> env = new java.util.HashMap<>();
    rabbit.getEnv().forEach(e -> env.put(e.getName(), e));
    assertThat(env.get("RABBITMQ_USE_LONGNAME").getValue()).isEqualTo("true");
    assertThat(env.get("RABBITMQ_NODENAME").getValue())
        .isEqualTo("rabbit@$(MY_POD_NAME).prod-rabbitmq-headless.media.svc.cluster.local");
    assertThat(env.get("MY_POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(env.get("K8S_SERVICE_NAME").getValue()).isEqualTo("prod-rabbitmq-headless");
    assertThat(env.get("RABBITMQ_DEFAULT_USER").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("prod-rabbitmq-credentials");
    assertThat(env.get("RABBITMQ_DEFAULT_PASS").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
    assertThat(rabbit.getPorts()).extracting(p -> p.getContainerPort()).contains(5672, 4369, 25672);
    assertThat(rabbit.getReadinessProbe().getExec().getCommand())
        .containsExactly("rabbitmq-diagnostics", "-q", "check_port_connectivity");
    assertThat(rabbit.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sh", "-c",
        "rabbitmq-upgrade await_online_quorum_plus_one -t 600; rabbitmq-upgrade drain -t 60; true");
    assertThat(pod.getTerminationGracePeriodSeconds()).as("room for both bounded waits").isEqualTo(660L);
    assertThat(rabbit.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
        .containsExactly("data:/var/lib/rabbitmq", "config:/etc/rabbitmq/rabbitmq.conf",
            "config:/etc/rabbitmq/enabled_plugins");
  }

  @Test
  void erlangCookieIsCopiedPrivateIntoTheNodesHome() {
    PodSpec pod = RabbitMqResources.statefulSet(platform).getSpec().getTemplate().getSpec();
    Container init = pod.getInitContainers().get(0);
    assertThat(init.getCommand()).containsExactly("sh", "-c",
        "cp /cookie/.erlang.cookie /var/lib/rabbitmq/.erlang.cookie && chmod 600 /var/lib/rabbitmq/.erlang.cookie");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("config", "erlang-cookie");
    assertThat(pod.getVolumes().get(0).getConfigMap().getName()).isEqualTo("prod-rabbitmq-config");
    assertThat(pod.getVolumes().get(1).getSecret().getSecretName()).isEqualTo("prod-rabbitmq-credentials");
    assertThat(pod.getVolumes().get(1).getSecret().getItems()).singleElement()
        .satisfies(i -> assertThat(i.getKey()).isEqualTo(".erlang.cookie"));
  }

  @Test
  void podsAreLockedDown() {
    PodSpec pod = RabbitMqResources.statefulSet(platform).getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container container : MongoDbResourcesTest.concat(pod)) {
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
      assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(container.getName())
          .containsExactly("ALL");
      assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
    }
  }

  @Test
  void specDrivesReplicasImageAndStorage() {
    ConversionPlatform custom = TestPlatforms.platform("prod",
        new ConversionPlatformSpec(null, new RabbitMqSpec(5, "rabbitmq:4.0", "20Gi", null), null));
    StatefulSet set = RabbitMqResources.statefulSet(custom);
    assertThat(set.getSpec().getReplicas()).isEqualTo(5);
    assertThat(set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("rabbitmq:4.0");
    assertThat(set.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("20Gi"));
  }

  @Test
  void servicesAndDisruptionBudget() {
    Service headless = RabbitMqResources.headlessService(platform);
    assertOwned(headless);
    assertThat(headless.getMetadata().getName()).isEqualTo("prod-rabbitmq-headless");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(5672, 4369, 25672);
    Service client = RabbitMqResources.clientService(platform);
    assertOwned(client);
    assertThat(client.getMetadata().getName()).isEqualTo("prod-rabbitmq");
    assertThat(client.getSpec().getSelector()).isEqualTo(SELECTOR);
    assertThat(client.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(5672, 15692);
    var budget = RabbitMqResources.disruptionBudget(platform);
    assertOwned(budget);
    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
  }
}
