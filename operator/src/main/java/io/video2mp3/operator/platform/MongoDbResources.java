package io.video2mp3.operator.platform;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.api.platform.MongoDbSpec;
import java.util.List;

/** The MongoDB replica set's Services, StatefulSet and disruption budget. Pure. */
public final class MongoDbResources {

  public static final String CONTAINER = "mongod";
  static final String KEYFILE_VOLUME = "keyfile";
  static final String KEYFILE_SECRET_VOLUME = "keyfile-secret";
  static final String KEYFILE_DIR = "/var/run/mongodb-keyfile";
  static final String KEYFILE_PATH = KEYFILE_DIR + "/" + MongoCredentials.KEYFILE;

  private MongoDbResources() {
  }

  public static Service headlessService(ConversionPlatform platform) {
    return StatefulParts.headless(platform, PlatformNames.of(platform).mongodbHeadless(), PlatformLabels.MONGODB,
        List.of(StatefulParts.port("mongodb", PlatformNames.MONGODB_PORT)));
  }

  public static Service clientService(ConversionPlatform platform) {
    return StatefulParts.client(platform, PlatformNames.of(platform).mongodb(), PlatformLabels.MONGODB,
        List.of(StatefulParts.port("mongodb", PlatformNames.MONGODB_PORT)));
  }

  public static PodDisruptionBudget disruptionBudget(ConversionPlatform platform) {
    return StatefulParts.disruptionBudget(platform, PlatformNames.of(platform).mongodb(), PlatformLabels.MONGODB);
  }

  public static StatefulSet statefulSet(ConversionPlatform platform) {
    return statefulSet(platform, platform.getSpec().mongodbOrDefaults().replicas());
  }

  /** With {@code replicas} pods: the spec's, or more while members wait to be removed from the replica set. */
  public static StatefulSet statefulSet(ConversionPlatform platform, int replicas) {
    PlatformNames names = PlatformNames.of(platform);
    MongoDbSpec spec = platform.getSpec().mongodbOrDefaults();
    return new StatefulSetBuilder()
        .withMetadata(PlatformLabels.metadata(platform, names.mongodb(), PlatformLabels.MONGODB))
        .withNewSpec()
          .withServiceName(names.mongodbHeadless())
          .withReplicas(replicas)
          // Members start together: the replica set is initiated once all of them answer.
          .withPodManagementPolicy("Parallel")
          .withNewSelector().withMatchLabels(PlatformLabels.selector(platform, PlatformLabels.MONGODB)).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(PlatformLabels.forComponent(platform, PlatformLabels.MONGODB)).endMetadata()
            .withNewSpec()
              .withAutomountServiceAccountToken(false)
              .withEnableServiceLinks(false)
              .withSecurityContext(StatefulParts.podSecurity())
              .withTerminationGracePeriodSeconds(30L)
              .addNewVolume()
                .withName(KEYFILE_SECRET_VOLUME)
                .withNewSecret().withSecretName(names.mongodbSecret())
                  .addNewItem().withKey(MongoCredentials.KEYFILE).withPath(MongoCredentials.KEYFILE).endItem()
                  .withDefaultMode(0400)
                .endSecret()
              .endVolume()
              .addNewVolume().withName(KEYFILE_VOLUME).withNewEmptyDir().withMedium("Memory").endEmptyDir().endVolume()
              // mongod refuses a keyfile others may read, and a Secret volume with fsGroup is
              // group-readable: copy it to a volume of our own with mode 400.
              .addNewInitContainer()
                .withName("keyfile")
                .withImage(spec.image())
                .withCommand("sh", "-c", "cp /secret/" + MongoCredentials.KEYFILE + " " + KEYFILE_PATH
                    + " && chmod 400 " + KEYFILE_PATH)
                .addNewVolumeMount().withName(KEYFILE_SECRET_VOLUME).withMountPath("/secret").withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount().withName(KEYFILE_VOLUME).withMountPath(KEYFILE_DIR).endVolumeMount()
                .withResources(StatefulParts.resources(null, "10m", "16Mi"))
                .withSecurityContext(StatefulParts.containerSecurity())
              .endInitContainer()
              .addNewContainer()
                .withName(CONTAINER)
                .withImage(spec.image())
                // The official entrypoint runs mongod with these; it creates the root user from
                // MONGO_INITDB_ROOT_* on an empty volume, before the replica set exists.
                .withArgs("--replSet", PlatformNames.REPLICA_SET, "--bind_ip_all", "--keyFile", KEYFILE_PATH)
                .withEnv(StatefulParts.secretEnv("MONGO_INITDB_ROOT_USERNAME", names.mongodbSecret(), MongoCredentials.ROOT_USER),
                    StatefulParts.secretEnv("MONGO_INITDB_ROOT_PASSWORD", names.mongodbSecret(), MongoCredentials.ROOT_PASSWORD))
                .addNewPort().withName("mongodb").withContainerPort(PlatformNames.MONGODB_PORT).endPort()
                .withNewReadinessProbe()
                  .withNewTcpSocket().withNewPort(PlatformNames.MONGODB_PORT).endTcpSocket()
                  .withPeriodSeconds(10)
                .endReadinessProbe()
                .withNewLivenessProbe()
                  .withNewTcpSocket().withNewPort(PlatformNames.MONGODB_PORT).endTcpSocket()
                  .withInitialDelaySeconds(30).withPeriodSeconds(20).withFailureThreshold(6)
                .endLivenessProbe()
                .withResources(StatefulParts.resources(spec.resources(), "250m", "512Mi"))
                .withSecurityContext(StatefulParts.containerSecurity())
                .addNewVolumeMount().withName(StatefulParts.DATA_VOLUME).withMountPath("/data/db").endVolumeMount()
                .addNewVolumeMount().withName(KEYFILE_VOLUME).withMountPath(KEYFILE_DIR).endVolumeMount()
              .endContainer()
            .endSpec()
          .endTemplate()
          .withVolumeClaimTemplates(StatefulParts.dataClaim(platform, PlatformLabels.MONGODB, spec.storage()))
        .endSpec()
        .build();
  }
}
