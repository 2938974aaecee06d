package io.video2mp3.api.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The install's security promises, checked on every object that {@code kubectl apply -k manifests}
 * creates: namespaced least-privilege RBAC, non-root hardened workloads, and secrets only by reference.
 */
class ManifestsPolicyTest {

  private static final Path MANIFESTS = Path.of("..", "manifests");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
  private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|COOKIE|_URI|_URL)$");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> objects;

  @BeforeAll
  static void load() throws IOException {
    objects = new ArrayList<>();
    for (JsonNode resource : YAML.readTree(MANIFESTS.resolve("kustomization.yaml").toFile()).path("resources")) {
      Path file = MANIFESTS.resolve(resource.asText()).normalize();
      if (Files.isRegularFile(file)) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          documents.readAll().stream().filter(d -> d.hasNonNull("kind")).forEach(objects::add);
        }
      }
    }
    assertThat(objects).as("objects in %s", MANIFESTS.toAbsolutePath()).hasSizeGreaterThan(10);
  }

  @Test
  void rbacIsNamespacedAndNamesWhatItAllows() {
    assertThat(objects).extracting(o -> o.path("kind").asText())
        .doesNotContain("ClusterRole", "ClusterRoleBinding");
    for (JsonNode role : ofKind("Role")) {
      for (JsonNode rule : role.path("rules")) {
        assertThat(texts(rule.path("verbs"))).as("verbs of %s", name(role)).doesNotContain("*");
        assertThat(texts(rule.path("resources"))).as("resources of %s", name(role)).doesNotContain("*");
      }
    }
  }

  @Test
  void workloadsRunAsNonRootWithoutPrivileges() {
    List<JsonNode> workloads = objects.stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList();
    assertThat(workloads).isNotEmpty();
    for (JsonNode workload : workloads) {
      JsonNode pod = workload.path("spec").path("template").path("spec");
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("runAsNonRoot of %s", name(workload)).isTrue();
      for (JsonNode container : containers(pod)) {
        String where = name(workload) + "/" + container.path("name").asText();
        JsonNode security = container.path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as("privilege escalation in %s", where).isFalse();
        assertThat(texts(security.path("capabilities").path("drop"))).as("dropped capabilities of %s", where).contains("ALL");
        assertThat(container.path("resources").path("requests").path("memory").isMissingNode())
            .as("memory request of %s", where).isFalse();
      }
    }
  }

  @Test
  void secretsComeOnlyFromSecretReferences() {
    assertThat(ofKind("Secret")).as("Secrets are created by hack/create-secrets.sh, never committed").isEmpty();
    for (JsonNode workload : objects.stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList()) {
      for (JsonNode container : containers(workload.path("spec").path("template").path("spec"))) {
        for (JsonNode env : container.path("env")) {
          if (SECRET_LIKE.matcher(env.path("name").asText()).matches() && env.has("value")) {
            assertThat(env.path("value").asText())
                .as("%s in %s is a literal; secrets come from secretKeyRef", env.path("name").asText(), name(workload))
                .doesNotContain("@").doesNotContainIgnoringCase("password");
          }
        }
      }
    }
    for (JsonNode config : ofKind("ConfigMap")) {
      assertThat(config.path("data").toString()).as("ConfigMap %s", name(config)).doesNotContainIgnoringCase("password");
    }
  }

  @Test
  void actuatorPortsAreProbedButNeverExposed() {
    List<String> managementPorts = new ArrayList<>();
    for (JsonNode workload : ofKind("Deployment")) {
      for (JsonNode container : containers(workload.path("spec").path("template").path("spec"))) {
        for (JsonNode port : container.path("ports")) {
          if (port.path("name").asText().equals("management")) {
            managementPorts.add(port.path("containerPort").asText());
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
              assertThat(container.path(probe).path("httpGet").path("port").asText())
                  .as("%s of %s", probe, name(workload)).isEqualTo("management");
            }
          }
        }
      }
    }
    assertThat(managementPorts).as("gateway and auth serve actuator apart").hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode service : ofKind("Service")) {
      for (JsonNode port : service.path("spec").path("ports")) {
        assertThat(port.path("targetPort").asText()).as("%s", name(service))
            .isNotEqualTo("management").isNotIn(managementPorts);
      }
    }
    for (JsonNode ingress : ofKind("Ingress")) {
      assertThat(ingress.findValues("port")).as("%s", name(ingress))
          .allSatisfy(port -> assertThat(port.path("name").asText()).isNotEqualTo("management"));
    }
  }

  /** A real API server drops {@code priority: 0}: a CRD that spells it changes on every apply. */
  @Test
  void crdsSpellNoPrinterColumnPriorityZero() throws IOException {
    try (Stream<Path> crds = Files.list(Path.of("."))) {
      List<Path> files = crds.filter(f -> f.getFileName().toString().endsWith("-v1.yml")).toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(2);
      for (Path file : files) {
        JsonNode crd = YAML.readTree(file.toFile());
        for (JsonNode version : crd.path("spec").path("versions")) {
          for (JsonNode column : version.path("additionalPrinterColumns")) {
            assertThat(column.path("priority").asInt(-1)).as("priority of %s in %s", column.path("name"), file)
                .isNotEqualTo(0);
          }
        }
      }
    }
  }

  /** The server fills these in on claim templates; leaving them out makes every re-apply a change. */
  @Test
  void claimTemplatesAreSpelledAsTheServerStoresThem() {
    List<JsonNode> statefulSets = ofKind("StatefulSet");
    assertThat(statefulSets).isNotEmpty();
    for (JsonNode set : statefulSets) {
      for (JsonNode claim : set.path("spec").path("volumeClaimTemplates")) {
        assertThat(claim.path("apiVersion").asText()).as("apiVersion of a claim of %s", name(set)).isEqualTo("v1");
        assertThat(claim.path("kind").asText()).as("kind of a claim of %s", name(set)).isEqualTo("PersistentVolumeClaim");
        assertThat(claim.path("spec").path("volumeMode").asText()).as("volumeMode of a claim of %s", name(set))
            .isEqualTo("Filesystem");
      }
    }
  }

  /** An imperatively created namespace lacks kubectl's last-applied annotation: apply -k then warns. */
  @Test
  void onlyTheManifestsCreateTheNamespace() throws IOException {
    Pattern imperative = Pattern.compile("kubectl[^\\n|]*\\bcreate\\s+(namespace|ns)\\b");
    try (Stream<Path> scripts = Files.walk(Path.of("..", "hack"))) {
      for (Path script : scripts.filter(f -> f.toString().endsWith(".sh")).toList()) {
        assertThat(imperative.matcher(Files.readString(script)).find()).as("%s creates a namespace", script).isFalse();
      }
    }
    assertThat(ofKind("Namespace")).singleElement()
        .satisfies(ns -> assertThat(ns.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
            .as("the label the kustomization adds, so that applying namespace.yaml first changes nothing")
            .isEqualTo("video2mp3"));
  }

  private static List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  private static List<JsonNode> containers(JsonNode pod) {
    return Stream.concat(StreamSupport.stream(pod.path("initContainers").spliterator(), false),
        StreamSupport.stream(pod.path("containers").spliterator(), false)).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String name(JsonNode object) {
    return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
  }
}
