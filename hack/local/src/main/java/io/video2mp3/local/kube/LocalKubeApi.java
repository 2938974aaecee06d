package io.video2mp3.local.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.platform.ConversionPlatform;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * The Kubernetes API of local mode: fabric8's mock server in CRUD mode on 127.0.0.1, with the
 * discovery documents kubectl needs and the CRDs posted (so that /status is a subresource).
 */
public final class LocalKubeApi implements AutoCloseable {

  private final KubernetesMockServer server;
  private final LocalDispatcher dispatcher;
  private final int port;

  private LocalKubeApi(KubernetesMockServer server, LocalDispatcher dispatcher, int port) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.port = port;
  }

  /** Starts the API on the port (0: any free one) and installs the CRDs found at the classpath locations. */
  public static LocalKubeApi start(int port, List<String> crdResources) {
    seedUids();
    LocalDispatcher dispatcher = new LocalDispatcher();
    KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
        new MockWebServer(), new HashMap<>(), dispatcher, false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), port);
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot start the local Kubernetes API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    LocalKubeApi api = new LocalKubeApi(server, dispatcher, server.getPort());
    dispatcher.serverAddress("127.0.0.1:" + api.port);
    try (KubernetesClient client = api.client()) {
      for (String resource : crdResources) {
        try (InputStream in = LocalKubeApi.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new StartupException("CRD " + resource + " is not on the classpath: rebuild crds");
          }
          CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
          client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(r -> r.update());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return api;
  }

  /**
   * The mock numbers uids from a per-JVM counter starting at 1 (00000000-...-000000000001), so a
   * restarted platform would hand out the uids of the previous run again; the converter stores each
   * MP3 under its conversion's uid and would overwrite an old one. Starting the counter from the clock
   * keeps uids unique across restarts.
   */
  private static void seedUids() {
    try {
      java.lang.reflect.Field field = io.fabric8.kubernetes.client.utils.Utils.class.getDeclaredField("leastSigBits");
      field.setAccessible(true);
      java.util.concurrent.atomic.AtomicLong counter = (java.util.concurrent.atomic.AtomicLong) field.get(null);
      long seed = System.currentTimeMillis() << 20;
      counter.accumulateAndGet(seed, Math::max);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new StartupException("cannot seed the mock API's uid counter (fabric8 changed?): " + e.getMessage(), e);
    }
  }

  public static LocalKubeApi start(int port) {
    return start(port, List.of(VideoConversion.CRD_RESOURCE, ConversionPlatform.CRD_RESOURCE));
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Config config(String namespace) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace(namespace)
        .withTrustCerts(true)
        .withRequestTimeout(10_000)
        .withConnectionTimeout(5_000)
        .build();
  }

  public KubernetesClient client() {
    return new KubernetesClientBuilder().withConfig(config("default")).build();
  }

  public void ensureNamespace(String name) {
    try (KubernetesClient client = client()) {
      if (client.namespaces().withName(name).get() == null) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
            .create();
      }
    }
  }

  /** A kubeconfig for kubectl and the services: plain HTTP on the loopback, no credentials needed. */
  public Path writeKubeconfig(Path file, String namespace) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: video2mp3-local
          cluster:
            server: %s
        users:
        - name: video2mp3-local
          user:
            token: local
        contexts:
        - name: video2mp3-local
          context:
            cluster: video2mp3-local
            user: video2mp3-local
            namespace: %s
        current-context: video2mp3-local
        """.formatted(url(), namespace);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** {@code kubectl logs} shows what the local Job runner kept for each pod under this work dir. */
  public void servePodLogsFrom(Path workDir) {
    dispatcher.podLogsIn(workDir);
  }

  LocalDispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
