package io.video2mp3.local.jobs;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a Pod's first container into a local command line, resolving Secret and ConfigMap references. */
final class PodLauncher {

  /** A reference that cannot be resolved yet: the pod waits (CreateContainerConfigError), as on a kubelet. */
  static final class ConfigError extends Exception {
    ConfigError(String message) {
      super(message);
    }
  }

  private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

  private final KubernetesClient client;
  private final JobRunnerSettings settings;

  PodLauncher(KubernetesClient client, JobRunnerSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  LocalPodSpec prepare(Pod pod) throws ConfigError {
    String namespace = pod.getMetadata().getNamespace();
    Container container = pod.getSpec().getContainers().get(0);
    Path podDir = settings.workDir().resolve(namespace).resolve(pod.getMetadata().getName());
    Map<String, String> paths = new HashMap<>(settings.imageFiles());
    Path terminationLog = podDir.resolve("termination-log");
    paths.put(container.getTerminationMessagePath() == null ? "/dev/termination-log" : container.getTerminationMessagePath(),
        terminationLog.toString());
    try {
      Files.createDirectories(podDir);
      Files.deleteIfExists(terminationLog);
      Files.createFile(terminationLog);
      for (VolumeMount mount : container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
        Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
            .orElseThrow(() -> new ConfigError("volume " + mount.getName() + " is not defined"));
        if (volume.getEmptyDir() == null) {
          throw new ConfigError("volume " + mount.getName() + ": only emptyDir volumes run locally");
        }
        Path dir = podDir.resolve("volumes").resolve(volume.getName());
        Files.createDirectories(dir);
        paths.put(mount.getMountPath(), dir.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + podDir, e);
    }
    PathMapper mapper = new PathMapper(paths);
    Map<String, String> env = new LinkedHashMap<>(settings.baseEnvironment());
    for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getSecretRef() != null) {
        secretData(namespace, from.getSecretRef().getName(), Boolean.TRUE.equals(from.getSecretRef().getOptional()))
            .forEach((k, v) -> env.put(prefix + k, v));
      }
      if (from.getConfigMapRef() != null) {
        configMapData(namespace, from.getConfigMapRef().getName(), Boolean.TRUE.equals(from.getConfigMapRef().getOptional()))
            .forEach((k, v) -> env.put(prefix + k, v));
      }
    }
    for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
      String value = var.getValueFrom() != null ? valueFrom(pod, var.getName(), var.getValueFrom()) : expand(var.getValue(), env);
      if (value != null) {
        env.put(var.getName(), mapper.map(value));
      }
    }
    List<String> command = new ArrayList<>();
    if (container.getCommand() != null) {
      command.addAll(container.getCommand());
    }
    if (container.getArgs() != null) {
      container.getArgs().forEach(a -> command.add(expand(a, env)));
    }
    if (command.isEmpty()) {
      throw new ConfigError("container " + container.getName() + " has no command: local mode cannot run an image's entrypoint");
    }
    List<String> mapped = new ArrayList<>(mapper.map(command));
    if (mapped.get(0).equals("java")) {
      mapped.set(0, settings.javaCommand());
    }
    return new LocalPodSpec(mapped, env, podDir, terminationLog, podDir.resolve("output.log"), container.getName(),
        "FallbackToLogsOnError".equals(container.getTerminationMessagePolicy()));
  }

  private String valueFrom(Pod pod, String name, EnvVarSource source) throws ConfigError {
    String namespace = pod.getMetadata().getNamespace();
    if (source.getSecretKeyRef() != null) {
      var ref = source.getSecretKeyRef();
      String value = secretData(namespace, ref.getName(), Boolean.TRUE.equals(ref.getOptional())).get(ref.getKey());
      if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
        throw new ConfigError("couldn't find key " + ref.getKey() + " in Secret " + namespace + "/" + ref.getName());
      }
      return value;
    }
    if (source.getConfigMapKeyRef() != null) {
      var ref = source.getConfigMapKeyRef();
      String value = configMapData(namespace, ref.getName(), Boolean.TRUE.equals(ref.getOptional())).get(ref.getKey());
      if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
        throw new ConfigError("couldn't find key " + ref.getKey() + " in ConfigMap " + namespace + "/" + ref.getName());
      }
      return value;
    }
    if (source.getFieldRef() != null) {
      return switch (source.getFieldRef().getFieldPath()) {
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> namespace;
        case "metadata.uid" -> pod.getMetadata().getUid();
        case "spec.nodeName" -> "local";
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        default -> throw new ConfigError("env " + name + ": fieldRef " + source.getFieldRef().getFieldPath() + " is not supported locally");
      };
    }
    throw new ConfigError("env " + name + ": this valueFrom is not supported locally");
  }

  private Map<String, String> secretData(String namespace, String name, boolean optional) throws ConfigError {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      if (optional) {
        return Map.of();
      }
      throw new ConfigError("secret \"" + name + "\" not found");
    }
    Map<String, String> data = new HashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  private Map<String, String> configMapData(String namespace, String name, boolean optional) throws ConfigError {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      if (optional) {
        return Map.of();
      }
      throw new ConfigError("configmap \"" + name + "\" not found");
    }
    return map.getData() == null ? Map.of() : map.getData();
  }

  /** Kubernetes' $(VAR) expansion against the variables defined so far; unknown references stay as they are. */
  static String expand(String value, Map<String, String> env) {
    if (value == null) {
      return "";
    }
    Matcher m = VAR_REF.matcher(value);
    return m.replaceAll(r -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), r.group())));
  }
}
