package io.video2mp3.testsupport.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a component may do, read from the kustomize install in {@code manifests/}: its Deployment's
 * ServiceAccount, the RoleBindings naming that account and the rules of the Roles they bind.
 */
public record ComponentRoles(String deployment, String serviceAccount, boolean mountsToken, List<RoleRule> rules) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** The component's permissions from the manifests of this checkout (found from the working directory up). */
  public static ComponentRoles forDeployment(String deployment) {
    return forDeployment(manifestsDirectory(), deployment);
  }

  public static ComponentRoles forDeployment(Path manifests, String deployment) {
    return of(readDocuments(manifests), deployment);
  }

  /** The component's permissions from these manifest documents. */
  public static ComponentRoles of(List<JsonNode> documents, String deployment) {
    JsonNode pod = documents.stream()
        .filter(d -> kind(d, "Deployment") && deployment.equals(d.path("metadata").path("name").asText()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no Deployment " + deployment + " in the manifests"))
        .path("spec").path("template").path("spec");
    String account = pod.path("serviceAccountName").asText("default");
    boolean mountsToken = pod.path("automountServiceAccountToken").asBoolean(true);
    List<String> roles = documents.stream()
        .filter(d -> kind(d, "RoleBinding") && "Role".equals(d.path("roleRef").path("kind").asText())
            && bindsAccount(d, account))
        .map(d -> d.path("roleRef").path("name").asText()).toList();
    List<RoleRule> rules = new ArrayList<>();
    documents.stream()
        .filter(d -> kind(d, "Role") && roles.contains(d.path("metadata").path("name").asText()))
        .forEach(role -> role.path("rules").forEach(rule -> rules.add(rule(role, rule))));
    return new ComponentRoles(deployment, account, mountsToken, rules);
  }

  private static boolean bindsAccount(JsonNode binding, String account) {
    for (JsonNode subject : binding.path("subjects")) {
      if ("ServiceAccount".equals(subject.path("kind").asText()) && account.equals(subject.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static RoleRule rule(JsonNode role, JsonNode rule) {
    if (rule.has("resourceNames")) { // the audit records no names: it would grant what it must not
      throw new IllegalArgumentException("Role " + role.path("metadata").path("name").asText()
          + " uses resourceNames, which the RBAC audit does not check");
    }
    return new RoleRule(texts(rule.path("apiGroups")), texts(rule.path("resources")), texts(rule.path("verbs")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static boolean kind(JsonNode document, String kind) {
    return kind.equals(document.path("kind").asText());
  }

  /** Every YAML document of the {@code *.yaml} files in the directory (kustomization.yaml aside). */
  public static List<JsonNode> readDocuments(Path manifests) {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(manifests)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (file.getFileName().toString().equals("kustomization.yaml")) {
          continue;
        }
        documents.addAll(documents(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifests in " + manifests, e);
    }
    return documents;
  }

  /** The non-empty documents of a (multi-document) YAML text. */
  public static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      it.forEachRemaining(d -> {
        if (d != null && !d.isNull() && !d.isEmpty()) {
          documents.add(d);
        }
      });
    }
    return documents;
  }

  /** {@code manifests/} of this checkout: Maven runs each module's tests in the module's directory. */
  public static Path manifestsDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("manifests/kustomization.yaml"))) {
        return dir.resolve("manifests");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no manifests/kustomization.yaml above " + Path.of("").toAbsolutePath());
  }
}
