package io.video2mp3.operator.platform;

import static io.video2mp3.operator.platform.PlatformSecretsTest.assertOwned;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.ConversionPlatformSpec;
import io.video2mp3.api.platform.MongoDbSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoDbResourcesTest {

  private final ConversionPlatform platform = TestPlatforms.defaults("prod");
  private static final Map<String, String> SELECTOR = Map.of(
      "app.kubernetes.io/name", "mongodb", "app.kubernetes.io/instance", "prod");

  @Test
  void statefulSetRunsAReplicaSetWithKeyfileAuth() {
    StatefulSet set = MongoDbResources.statefulSet(platform);
    assertOwned(set);
    assertThat(set.getMetadata().getName()).isEqualTo("prod-mongodb");
    assertThat(set.getSpec().getReplicas()).isEqualTo(3);
    assertThat(set.getSpec().getServiceName()).isEqualTo("prod-mongodb-headless");
    assertThat(set.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
    assertThat(set.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(SELECTOR);
    Container mongod = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(mongod.getImage()).isEqualTo("mongo:7.0");
    assertThat(mongod.getArgs()).containsExactly("--replSet", "rs0", "--bind_ip_all",
        "--keyFile", "/var/run/mongodb-keyfile/keyfile");
    assertThat(mongod.getEnv()).allSatisfy(env -> {
      assertThat(env.getValue()).isNull();
      assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("prod-mongodb-credentials");
    });
    assertThat(mongod.getEnv()).extracting(e -> e.getValueFrom().getSecretKeyRef().getKey())
        .containsExactly("root-username", "root-password");
    assertThat(mongod.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(27017);
    assertThat(mongod.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
        .containsExactly("data:/data/db", "keyfile:/var/run/mongodb-keyfile");
  }

  @Test
  void keyfileIsCopiedPrivateByAnInitContainer() {
    PodSpec pod = MongoDbResources.statefulSet(platform).getSpec().getTemplate().getSpec();
    Container init = pod.getInitContainers().get(0);
    assertThat(init.getCommand()).containsExactly("sh", "-c",
        "cp /secret/keyfile /var/run/mongodb-keyfile/keyfile && chmod 400 /var/run/mongodb-keyfile/keyfile");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("keyfile-secret", "keyfile");
    assertThat(pod.getVolumes().get(0).getSecret().getSecretName()).isEqualTo("prod-mongodb-credentials");
    assertThat(pod.getVolumes().get(0).getSecret().getItems()).singleElement()
        .satisfies(i -> assertThat(i.getKey()).isEqualTo("keyfile"));
    assertThat(pod.getVolumes().get(1).getEmptyDir().getMedium()).isEqualTo("Memory");
  }

  @Test
  void podsAreLockedDown() {
    PodSpec pod = MongoDbResources.statefulSet(platform).getSpec().getTemplate().getSpec();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container container : concat(pod)) {
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
      assertThat(container.getSecurityContext().getRunAsNonRoot()).as(container.getName()).isTrue();
      assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(container.getName())
          .containsExactly("ALL");
      assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
    }
  }

  @Test
  void specDrivesReplicasImageStorageAndResources() {
    var resources = new ResourceRequirementsBuilder().addToRequests("memory", new Quantity("2Gi"))
        .addToLimits("memory", new Quantity("4Gi")).build();
    ConversionPlatform custom = TestPlatforms.platform("prod",
        new ConversionPlatformSpec(new MongoDbSpec(5, "mongo:8.0", "100Gi", resources), null, null));
    StatefulSet set = MongoDbResources.statefulSet(custom);
    assertThat(set.getSpec().getReplicas()).isEqualTo(5);
    Container mongod = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(mongod.getImage()).isEqualTo("mongo:8.0");
    assertThat(mongod.getResources().getRequests())
        .containsEntry("memory", new Quantity("2Gi")).containsEntry("cpu", new Quantity("250m"));
    assertThat(mongod.getResources().getLimits()).containsEntry("memory", new Quantity("4Gi"));
    assertThat(set.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
      assertThat(claim.getMetadata().getName()).isEqualTo("data");
      assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
      assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("100Gi"));
    });
  }

  @Test
  void headlessServicePublishesMembersBeforeTheyAreReady() {
    Service headless = MongoDbResources.headlessService(platform);
    assertOwned(headless);
    assertThat(headless.getMetadata().getName()).isEqualTo("prod-mongodb-headless");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getSelector()).isEqualTo(SELECTOR);
    assertThat(headless.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(27017));
  }

  @Test
  void clientServiceSelectsReadyMembers() {
    Service client = MongoDbResources.clientService(platform);
    assertOwned(client);
    assertThat(client.getMetadata().getName()).isEqualTo("prod-mongodb");
    assertThat(client.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(client.getSpec().getPublishNotReadyAddresses()).isNull();
    assertThat(client.getSpec().getSelector()).isEqualTo(SELECTOR);
  }

  @Test
  void disruptionBudgetLetsOneMemberGoAtATime() {
    PodDisruptionBudget budget = MongoDbResources.disruptionBudget(platform);
    assertOwned(budget);
    assertThat(budget.getMetadata().getName()).isEqualTo("prod-mongodb");
    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
  }

  static java.util.List<Container> concat(PodSpec pod) {
    java.util.List<Container> all = new java.util.ArrayList<>(pod.getInitContainers());
    all.addAll(pod.getContainers());
    return all;
  }
}
