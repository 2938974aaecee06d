package io.video2mp3.api.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** manifests/networkpolicies.yaml keeps issue 11's promises: who may reach whom, and where converter Jobs may go. */
class NetworkPoliciesTest {

  private static final Path MANIFESTS = Path.of("..", "manifests");
  private static final String NAME = "app.kubernetes.io/name";
  private static final List<String> INTERNAL_RANGES =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> policies;

  @BeforeAll
  static void load() throws IOException {
    JsonNode kustomization = YAML.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
    assertThat(StreamSupport.stream(kustomization.path("resources").spliterator(), false).map(JsonNode::asText))
        .contains("networkpolicies.yaml");
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
        .readValues(MANIFESTS.resolve("networkpolicies.yaml").toFile())) {
      policies = documents.readAll().stream().filter(d -> "NetworkPolicy".equals(d.path("kind").asText())).toList();
    }
  }

  @Test
  void everyPodDeniesIngressByDefault() {
    assertThat(policies).anySatisfy(p -> {
      assertThat(p.at("/spec/podSelector").isEmpty()).isTrue();
      assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress");
      assertThat(p.at("/spec/ingress").isMissingNode()).isTrue();
    });
  }

  @Test
  void authIsReachableOnlyFromTheGateway() {
    assertThat(ingressSources("auth")).containsExactly("gateway");
  }

  @Test
  void databasesAndBrokerOnlyFromThePlatformsPods() {
    assertThat(ingressSources("mysql")).containsExactly("auth");
    assertThat(ingressSources("mongodb")).containsExactlyInAnyOrder("gateway", "notifier", "video2mp3-operator",
        "video2mp3-converter", "mongodb");
    assertThat(ingressSources("rabbitmq")).containsExactlyInAnyOrder("gateway", "notifier", "video2mp3-operator",
        "rabbitmq");
  }

  /** MongoDB and DNS by pod selector; everything else only outside the cluster's and private ranges. */
  @Test
  void converterJobsReachOnlyMongoDbDnsAndTheOutside() {
    List<JsonNode> egress = policiesFor("video2mp3-converter").stream()
        .flatMap(p -> StreamSupport.stream(p.at("/spec/egress").spliterator(), false)).toList();
    assertThat(policiesFor("video2mp3-converter")).allSatisfy(p ->
        assertThat(p.at("/spec/policyTypes").toString()).contains("Egress"));
    assertThat(egress).isNotEmpty().allSatisfy(rule -> {
      assertThat(rule.has("to")).as("a rule without 'to' reaches everything").isTrue();
      for (JsonNode peer : rule.path("to")) {
        if (peer.has("ipBlock")) {
          List<String> except = StreamSupport.stream(peer.at("/ipBlock/except").spliterator(), false)
              .map(JsonNode::asText).toList();
          assertThat(except).as("ipBlock %s", peer).containsAll(INTERNAL_RANGES);
        } else {
          String target = peer.at("/podSelector/matchLabels").toString();
          assertThat(target).as("pods a converter reaches").containsAnyOf("\"mongodb\"", "kube-dns");
          assertThat(rule.toString()).containsAnyOf("27017", "53");
        }
      }
    });
  }

  private static List<JsonNode> policiesFor(String app) {
    return policies.stream().filter(p -> app.equals(p.at("/spec/podSelector/matchLabels").path(NAME).asText()))
        .toList();
  }

  /** The app names of the pods each ingress rule of the app's policies admits; "*" for a rule open to all. */
  private static List<String> ingressSources(String app) {
    List<JsonNode> rules = policiesFor(app).stream()
        .flatMap(p -> StreamSupport.stream(p.at("/spec/ingress").spliterator(), false)).toList();
    assertThat(rules).as("ingress rules of %s", app).isNotEmpty();
    return rules.stream().flatMap(rule -> rule.has("from")
        ? StreamSupport.stream(rule.path("from").spliterator(), false)
            .map(peer -> peer.has("namespaceSelector") || peer.has("ipBlock") ? "*"
                : peer.at("/podSelector/matchLabels").path(NAME).asText("*"))
        : java.util.stream.Stream.of("*")).toList();
  }
}
