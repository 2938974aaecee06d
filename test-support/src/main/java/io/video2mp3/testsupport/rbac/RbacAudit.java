package io.video2mp3.testsupport.rbac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the requests a component made against the Role its ServiceAccount has in the manifests: a
 * request no rule grants fails with the rule that is missing; granted verbs that no request of any
 * test used so far are reported (logged and written to {@code target/rbac-audit/<component>-unused.txt}).
 */
public final class RbacAudit {

  private static final Logger LOG = LoggerFactory.getLogger(RbacAudit.class);
  /** What every authenticated user may do (ClusterRole system:basic-user), e.g. JOSDK's Lease check. */
  private static final Set<String> EVERYONE_MAY_CREATE = Set.of(
      "authorization.k8s.io/selfsubjectrulesreviews", "authorization.k8s.io/selfsubjectaccessreviews");

  private final String component;
  private final ComponentRoles roles;
  private final Path reportDirectory;
  private final boolean clusterWideAsNamespaced;

  public RbacAudit(String component, ComponentRoles roles, Path reportDirectory) {
    this(component, roles, reportDirectory, false);
  }

  private RbacAudit(String component, ComponentRoles roles, Path reportDirectory, boolean clusterWideAsNamespaced) {
    this.component = component;
    this.roles = roles;
    this.reportDirectory = reportDirectory;
    this.clusterWideAsNamespaced = clusterWideAsNamespaced;
  }

  /**
   * For a test that runs one component over all namespaces where the install runs one per namespace
   * (its Deployment watches only its own): checks each all-namespace request as the same request
   * inside one namespace.
   */
  public RbacAudit clusterWideAsNamespaced() {
    return new RbacAudit(component, roles, reportDirectory, true);
  }

  /** The audit of the Deployment's ServiceAccount, reporting into {@code target/rbac-audit}. */
  public static RbacAudit forDeployment(String component, String deployment) {
    return new RbacAudit(component, ComponentRoles.forDeployment(deployment), Path.of("target", "rbac-audit"));
  }

  /** Fails with every missing rule; then reports the granted verbs no recorded request used. */
  public void verify(RequestRecorder recorder) {
    Set<ApiRequest> requests = recorder.requests().stream()
        .map(r -> clusterWideAsNamespaced && r.namespace() == null
            ? new ApiRequest(r.verb(), r.apiGroup(), r.resource(), r.subresource(), "any") : r)
        .collect(Collectors.toSet());
    List<String> missing = missing(requests);
    Set<ApiRequest> everSeen = remember(requests);
    List<String> unused = unused(everSeen);
    write(component + "-unused.txt", unused);
    if (!unused.isEmpty()) {
      LOG.warn("{}: granted but unused by the tests so far: {}", component, unused);
    }
    if (!missing.isEmpty()) {
      throw new AssertionError(String.join("\n", missing));
    }
  }

  /** One line per missing rule, e.g. {@code operator: missing rule: verbs [patch] on coordination.k8s.io/leases}. */
  public List<String> missing(Collection<ApiRequest> requests) {
    Map<String, Set<String>> verbs = new TreeMap<>();
    for (ApiRequest request : requests) {
      if (isAllowedToEveryone(request) || (roles.mountsToken() && roles.rules().stream().anyMatch(r -> r.grants(request)))) {
        continue;
      }
      String where = request.target() + (request.namespace() == null
          ? " across all namespaces (a Role grants nothing outside its namespace)" : "");
      verbs.computeIfAbsent(where, w -> new TreeSet<>()).add(request.verb());
    }
    String noToken = roles.mountsToken() ? "" : " (its pods mount no ServiceAccount token)";
    return verbs.entrySet().stream()
        .map(e -> component + ": missing rule: verbs " + e.getValue() + " on " + e.getKey() + noToken)
        .toList();
  }

  /** Granted verbs no request used, one line per rule and resource, e.g. {@code verbs [update] on apps/statefulsets}. */
  public List<String> unused(Collection<ApiRequest> requests) {
    Set<String> lines = new TreeSet<>();
    for (RoleRule rule : roles.rules()) {
      for (String group : rule.apiGroups()) {
        for (String resource : rule.resources()) {
          Set<String> idle = rule.verbs().stream()
              .filter(verb -> requests.stream().noneMatch(r -> r.namespace() != null
                  && new RoleRule(List.of(group), List.of(resource), List.of(verb)).grants(r)))
              .collect(Collectors.toCollection(TreeSet::new));
          if (!idle.isEmpty()) {
            lines.add("verbs " + idle + " on " + (group.isEmpty() ? resource : group + "/" + resource));
          }
        }
      }
    }
    return List.copyOf(lines);
  }

  private static boolean isAllowedToEveryone(ApiRequest request) {
    return request.verb().equals("create") && EVERYONE_MAY_CREATE.contains(request.target());
  }

  /** Adds these requests to what the component's earlier tests in this build recorded; returns the union. */
  private Set<ApiRequest> remember(Set<ApiRequest> requests) {
    Path file = reportDirectory.resolve(component + "-requests.txt");
    Set<String> lines = new TreeSet<>();
    try {
      if (Files.exists(file)) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requests.forEach(r -> lines.add(String.join(" ", r.verb(), quote(r.apiGroup()), r.resource(),
        quote(r.subresource()), r.namespace() == null ? "-" : "namespaced")));
    write(component + "-requests.txt", List.copyOf(lines));
    return lines.stream().map(RbacAudit::parseLine).collect(Collectors.toSet());
  }

  private static String quote(String value) {
    return value.isEmpty() ? "\"\"" : value;
  }

  private static ApiRequest parseLine(String line) {
    String[] f = line.split(" ");
    return new ApiRequest(f[0], unquote(f[1]), f[2], unquote(f[3]), f[4].equals("-") ? null : "namespaced");
  }

  private static String unquote(String value) {
    return value.equals("\"\"") ? "" : value;
  }

  private void write(String name, List<String> lines) {
    try {
      Files.createDirectories(reportDirectory);
      Files.write(reportDirectory.resolve(name), lines, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
