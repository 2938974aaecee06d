package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Pods of a finished Job, read for the converter's summary of its last attempt. */
final class JobPods {

  private static final Logger LOG = LoggerFactory.getLogger(JobPods.class);

  private final KubernetesClient client;

  JobPods(KubernetesClient client) {
    this.client = client;
  }

  /** The termination message of the converter container that finished last; empty when unreadable. */
  Optional<TerminationMessage> lastTermination(String namespace, String jobName) {
    try {
      List<Pod> pods = client.pods().inNamespace(namespace).withLabel("job-name", jobName).list().getItems();
      if (pods.isEmpty()) {
        pods = client.pods().inNamespace(namespace).withLabel("batch.kubernetes.io/job-name", jobName).list().getItems();
      }
      return pods.stream()
          .flatMap(p -> Optional.ofNullable(p.getStatus()).map(s -> s.getContainerStatuses()).orElse(List.of()).stream())
          .filter(cs -> ConversionJobBuilder.CONTAINER_NAME.equals(cs.getName()))
          .filter(cs -> cs.getState() != null && cs.getState().getTerminated() != null)
          .map(cs -> cs.getState().getTerminated())
          .max(Comparator.comparing(t -> Objects.requireNonNullElse(t.getFinishedAt(), "")))
          .flatMap(t -> TerminationMessage.parse(t.getMessage()));
    } catch (KubernetesClientException e) {
      LOG.warn("could not read the Pods of Job {}/{}: {}", namespace, jobName, e.getMessage());
      return Optional.empty();
    }
  }}
