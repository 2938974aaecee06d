package io.video2mp3.local;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.local.amqp.EmbeddedBroker;
import io.video2mp3.local.jobs.ConverterLayout;
import io.video2mp3.local.jobs.JobRunner;
import io.video2mp3.local.jobs.JobRunnerSettings;
import io.video2mp3.local.kube.KubeSnapshots;
import io.video2mp3.local.kube.LocalKubeApi;
import io.video2mp3.local.mail.LocalMail;
import io.video2mp3.local.mongo.EmbeddedMongo;
import io.video2mp3.local.mysql.EmbeddedMariaDb;
import io.video2mp3.local.samples.SampleServer;
import io.video2mp3.local.services.ServiceJvm;
import io.video2mp3.local.services.ServiceProcess;
import io.video2mp3.local.support.Env;
import io.video2mp3.local.support.HttpProbe;
import io.video2mp3.local.support.KeptSecret;
import io.video2mp3.local.support.Ports;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine (hack/local-up.sh): a local Kubernetes API with a Job runner,
 * embedded MongoDB, AMQP broker, MariaDB and SMTP, and the four services from their own jars.
 * Every embedded part is replaced by a real one when its URI is given.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
  public static final String NAMESPACE = "video2mp3";
  public static final String MONGODB_SECRET = "video2mp3-mongodb";

  private final Path root;
  private final Path data;
  private final Env env;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, String> endpoints = new LinkedHashMap<>();
  private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "local-platform");
    t.setDaemon(true);
    return t;
  });

  public LocalPlatform(Path root, Env env) {
    this.root = root.toAbsolutePath().normalize();
    this.data = this.root.resolve(env.text("LOCAL_DIR", ".local"));
    this.env = env;
  }

  public static void main(String[] args) {
    quietLibraries();
    Path root = Path.of(Env.system().text("LOCAL_REPO_ROOT", ".")).toAbsolutePath().normalize();
    LocalPlatform platform = new LocalPlatform(root, Env.system());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nlocal platform: stopping everything ...");
      platform.close();
      stopped.countDown();
    }, "local-platform-shutdown"));
    try {
      platform.start();
    } catch (StartupException e) {
      System.err.println("local-up: " + e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      System.err.println("local-up: unexpected failure: " + e + " (details in " + platform.data.resolve("logs") + ")");
      LOG.debug("start-up failure", e);
      System.exit(1);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The mock server logs every request through java.util.logging at INFO. */
  private static void quietLibraries() {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
  }

  public void start() {
    long begin = System.nanoTime();
    mkdirs(data, data.resolve("logs"));
    Jars jars = new Jars(root, data.resolve("jars"));
    String java = JobRunnerSettings.currentJava();

    // MariaDB takes longest (its first start creates the system tables): it starts while the rest does,
    // and only auth, started last, waits for it.
    CompletableFuture<Mysql> mysql = startMysql();

    // Kubernetes API and its state
    LocalKubeApi kube = LocalKubeApi.start(env.integer("KUBE_PORT", 0));
    started.push(kube);
    KubeSnapshots snapshots = new KubeSnapshots(kube, data.resolve("kube/objects.json"));
    int restored = snapshots.restore();
    if (restored > 0) {
      LOG.info("restored {} Kubernetes objects from {}", restored, data.resolve("kube/objects.json"));
    }
    started.push(snapshots::save);
    background.scheduleWithFixedDelay(snapshots::save, 10, 10, TimeUnit.SECONDS);
    kube.ensureNamespace(NAMESPACE);
    Path kubeconfig = kube.writeKubeconfig(data.resolve("kubeconfig"), NAMESPACE);

    // Storage and messaging
    String mongoUri = env.optional("MONGODB_URI");
    if (mongoUri == null) {
      EmbeddedMongo mongo = EmbeddedMongo.start(data.resolve("mongo.mv"), Ports.free());
      started.push(mongo);
      mongoUri = mongo.uri();
    }
    String rabbitUri = env.optional("RABBITMQ_URI");
    if (rabbitUri == null) {
      EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("amqp"), Ports.free());
      started.push(broker);
      rabbitUri = broker.uri();
    }
    declareTopology(rabbitUri);
    LocalMail mail = LocalMail.start(data.resolve("mail"), Ports.free(), env.port("MAILBOX_PORT", 8025));
    started.push(mail);
    SampleServer samples = SampleServer.start(data.resolve("samples"), env.port("SAMPLES_PORT", 8090),
        env.text("FFMPEG_BIN", "ffmpeg"));
    started.push(samples);

    // The Secret the conversion Jobs take MONGODB_URI from, and the Job runner
    try (KubernetesClient client = kube.client()) {
      client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName(MONGODB_SECRET)
          .endMetadata().addToStringData("MONGODB_URI", mongoUri).build()).createOr(r -> r.update());
    }
    // The operator's limit, its default as in a cluster (4); the runner runs as many Jobs at once as it admits.
    int maxConcurrentJobs = env.integer("MAX_CONCURRENT_JOBS", 4);
    kube.servePodLogsFrom(data.resolve("scratch"));
    KubernetesClient runnerClient = kube.client();
    JobRunner runner = new JobRunner(runnerClient, new JobRunnerSettings(data.resolve("scratch"),
        jars.operator().map(jar -> ConverterLayout.prepare(root.resolve("hack/images/converter-layout.sh"), jar,
            data.resolve("jars").resolve("operator-layout"), java)).orElse(Map.of()), java,
        baseEnvironment(), env.integer("LOCAL_JOB_PARALLELISM", maxConcurrentJobs),
        Duration.ofSeconds(10), Duration.ofSeconds(env.integer("LOCAL_JOB_RETRY_SECONDS", 2)), Duration.ofSeconds(60),
        Duration.ofMillis(500)));
    started.push(runnerClient);
    started.push(runner);
    runner.start();

    // The services
    String jwtSecret = env.text("JWT_SECRET", null);
    if (jwtSecret == null) {
      jwtSecret = KeptSecret.in(data.resolve("jwt-secret"), 48);
    }
    String linkSecret = env.text("DOWNLOAD_LINK_SECRET", null);
    if (linkSecret == null) {
      linkSecret = KeptSecret.in(data.resolve("download-link-secret"), 48);
    }
    int gatewayPort = env.port("GATEWAY_PORT", 8080);
    int authPort = env.port("AUTH_PORT", 5000);
    int operatorPort = env.port("OPERATOR_PORT", 8081);
    int notifierPort = env.port("NOTIFIER_PORT", 8082);
    String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
    String authUrl = "http://127.0.0.1:" + authPort;
    String demoUser = env.text("DEMO_USER", "demo");
    String demoPassword = env.text("DEMO_PASSWORD", "demo-password");
    String demoEmail = env.text("DEMO_EMAIL", "demo@video2mp3.local");

    Map<String, String> common = new LinkedHashMap<>();
    common.put("KUBECONFIG", kubeconfig.toString());
    common.put("MONGODB_URI", mongoUri);
    common.put("RABBITMQ_URI", rabbitUri);
    common.put("CONVERSIONS_NAMESPACE", NAMESPACE);
    common.put("PUBLIC_BASE_URL", env.text("PUBLIC_BASE_URL", gatewayUrl));
    common.put("JAVA_TOOL_OPTIONS", "");
    // Spring Boot's server on loopback (actuator included: local mode sets no separate management port).
    common.put("SERVER_ADDRESS", Ports.LOOPBACK);

    List<ServiceProcess> services = new ArrayList<>();
    List<String> jvm = ServiceJvm.options(root, env.text("SERVICE_XMX", "384m"));
    Path logs = data.resolve("logs");

    Map<String, String> operatorEnv = new LinkedHashMap<>(common);
    operatorEnv.putAll(Map.of("HEALTH_PORT", String.valueOf(operatorPort), "HEALTH_ADDRESS", Ports.LOOPBACK,
        "LEADER_ELECTION_ENABLED", "false",
        "JOB_MONGODB_SECRET", MONGODB_SECRET, "JOB_MONGODB_SECRET_KEY", "MONGODB_URI",
        "MAX_CONCURRENT_JOBS", String.valueOf(maxConcurrentJobs),
        "JOB_TTL_SECONDS_AFTER_FINISHED", env.text("JOB_TTL_SECONDS_AFTER_FINISHED", "3600")));
    startService(services, jars, "operator", java, jvm, operatorEnv, logs,
        "http://127.0.0.1:" + operatorPort + "/health/ready");

    Map<String, String> notifierEnv = new LinkedHashMap<>(common);
    notifierEnv.putAll(Map.of("SERVER_PORT", String.valueOf(notifierPort), "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(mail.smtpPort()), "SMTP_SECURITY", "none",
        "SMTP_FROM", "video2mp3 <noreply@video2mp3.local>"));
    notifierEnv.put("DOWNLOAD_LINK_SECRET", linkSecret);
    startService(services, jars, "notifier", java, jvm, notifierEnv, logs,
        "http://127.0.0.1:" + notifierPort + "/actuator/health");

    Map<String, String> gatewayEnv = new LinkedHashMap<>(common);
    // Actuator is on a separate loopback port, never the API's.
    int gatewayManagementPort = Ports.free();
    gatewayEnv.putAll(Map.of("SERVER_PORT", String.valueOf(gatewayPort), "AUTH_URL", authUrl,
        "MANAGEMENT_PORT", String.valueOf(gatewayManagementPort), "DOWNLOAD_LINK_SECRET", linkSecret));
    startService(services, jars, "gateway", java, jvm, gatewayEnv, logs,
        "http://127.0.0.1:" + gatewayManagementPort + "/actuator/health");

    Mysql db = awaitMysql(mysql);
    Map<String, String> authEnv = new LinkedHashMap<>(common);
    authEnv.putAll(Map.of("SERVER_PORT", String.valueOf(authPort), "MYSQL_URL", db.url(), "MYSQL_USER", db.user(),
        "MYSQL_PASSWORD", db.password(), "JWT_SECRET", jwtSecret,
        "AUTH_BOOTSTRAP_ADMIN_USERNAME", demoUser, "AUTH_BOOTSTRAP_ADMIN_PASSWORD", demoPassword,
        "AUTH_BOOTSTRAP_ADMIN_EMAIL", demoEmail));
    int authManagementPort = Ports.free();
    authEnv.put("MANAGEMENT_PORT", String.valueOf(authManagementPort));
    startService(services, jars, "auth", java, jvm, authEnv, logs,
        "http://127.0.0.1:" + authManagementPort + "/actuator/health");

    awaitHealthy(services, Duration.ofSeconds(env.integer("LOCAL_START_TIMEOUT_SECONDS", 150)));
    // From now on a service that exits (crash, kill -9) is started again, as a Deployment's pod would be.
    background.scheduleWithFixedDelay(() -> services.forEach(s -> s.superviseOnce(Instant.now())), 1, 1,
        TimeUnit.SECONDS);

    boolean gatewayUp = services.stream().anyMatch(s -> s.name().equals("gateway"));
    endpoints.put("GATEWAY_URL", gatewayUp ? gatewayUrl : "");
    endpoints.put("AUTH_URL", authUrl);
    endpoints.put("KUBECONFIG", kubeconfig.toString());
    endpoints.put("MAILBOX_URL", mail.mailboxUrl());
    endpoints.put("SAMPLES_URL", samples.url());
    endpoints.put("DEMO_USER", demoUser);
    endpoints.put("DEMO_PASSWORD", demoPassword);
    endpoints.put("MONGODB_URI", mongoUri);
    endpoints.put("RABBITMQ_URI", rabbitUri);
    endpoints.put("MYSQL_URL", db.url());
    writeEndpoints(data.resolve("endpoints.env"));
    printSummary(Duration.ofNanos(System.nanoTime() - begin));
  }

  private record Mysql(String url, String user, String password) {
  }

  /** The embedded MariaDB, started on its own thread, or the one MYSQL_URL names. */
  private CompletableFuture<Mysql> startMysql() {
    String url = env.optional("MYSQL_URL");
    if (url != null) {
      return CompletableFuture.completedFuture(new Mysql(url, env.text("MYSQL_USER", "root"), env.text("MYSQL_PASSWORD", "")));
    }
    CompletableFuture<EmbeddedMariaDb> starting = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        starting.complete(EmbeddedMariaDb.start(data.resolve("mariadb"), Ports.free()));
      } catch (Throwable e) {
        starting.completeExceptionally(e);
      }
    }, "local-mariadb-start");
    thread.setDaemon(true);
    thread.start();
    // Stopped with the rest even when another part fails while it is still starting.
    started.push(() -> stopWhenStarted(starting));
    return starting.thenApply(db -> new Mysql(db.jdbcUrl(), db.user(), db.password()));
  }

  private static void stopWhenStarted(CompletableFuture<EmbeddedMariaDb> starting) throws Exception {
    try {
      starting.get(120, TimeUnit.SECONDS).close();
    } catch (ExecutionException e) {
      // it never started: nothing to stop
    }
  }

  private Mysql awaitMysql(CompletableFuture<Mysql> mysql) {
    try {
      return mysql.get(180, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new StartupException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StartupException("the embedded MariaDB did not start within 180s (see " + data.resolve("mariadb")
          + "), or set MYSQL_URL to use another MySQL/MariaDB", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while waiting for MariaDB", e);
    }
  }

  private void startService(List<ServiceProcess> services, Jars jars, String name, String java, List<String> jvm,
      Map<String, String> serviceEnv, Path logs, String healthUrl) {
    Optional<Path> jar = jars.service(name);
    if (jar.isEmpty()) {
      System.out.println("local-up: WARNING " + name + " is not built (no " + name + "/target/" + name
          + "-*.jar): not started. Build it with: mvn -B -q -DskipTests -pl " + name + " -am install");
      return;
    }
    ServiceProcess process = ServiceProcess.start(name, java, jvm, jar.get(), serviceEnv, logs, data.resolve("run"),
        healthUrl);
    started.push(process);
    services.add(process);
  }

  private void awaitHealthy(List<ServiceProcess> services, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ServiceProcess> waiting = new ArrayList<>(services);
    while (!waiting.isEmpty()) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        ServiceProcess service = it.next();
        if (!service.alive()) {
          throw new StartupException(service.name() + " exited with code " + service.exitCode() + " during start-up: "
              + service.lastError() + " (full log: " + service.log() + ")");
        }
        if (HttpProbe.ok(service.healthUrl())) {
          LOG.info("{} is up ({})", service.name(), service.healthUrl());
          it.remove();
        }
      }
      if (System.nanoTime() > deadline) {
        ServiceProcess first = waiting.get(0);
        throw new StartupException(first.name() + " did not become healthy at " + first.healthUrl() + " within "
            + timeout.toSeconds() + "s: " + first.lastError() + " (full log: " + first.log() + ")");
      }
      sleep(Duration.ofMillis(500));
    }
  }

  private static void declareTopology(String rabbitUri) {
    try (Connection connection = AmqpConnections.open(rabbitUri, "local-platform", Duration.ofSeconds(10));
         Channel channel = connection.createChannel()) {
      Topology.declare(channel);
    } catch (Exception e) {
      throw new StartupException("cannot declare the queues on the AMQP broker " + redact(rabbitUri) + ": " + e.getMessage(), e);
    }
  }

  private static String redact(String uri) {
    return uri.replaceAll("//[^@/]*@", "//***@");
  }

  private static Map<String, String> baseEnvironment() {
    Map<String, String> base = new LinkedHashMap<>();
    for (String name : List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "FFMPEG_BIN")) {
      String value = System.getenv(name);
      if (value != null) {
        base.put(name, value);
      }
    }
    base.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    // the samples server (samples/videoconversion-url.yaml) is on 127.0.0.1, which converters refuse by default
    base.put("ALLOW_PRIVATE_SOURCE_ADDRESSES", "true");
    return base;
  }

  private void writeEndpoints(Path file) {
    StringBuilder text = new StringBuilder("# written by hack/local-up.sh; source it: set -a; . " + file + "; set +a\n");
    endpoints.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void printSummary(Duration took) {
    String g = endpoints.get("GATEWAY_URL");
    System.out.println();
    System.out.println("video2mp3 is running locally (started in " + took.toSeconds() + "s). Ctrl-C stops everything.");
    System.out.println("  gateway      " + (g.isEmpty() ? "(not built)" : g));
    System.out.println("  auth         " + endpoints.get("AUTH_URL"));
    System.out.println("  mailbox      " + endpoints.get("MAILBOX_URL"));
    System.out.println("  samples      " + endpoints.get("SAMPLES_URL") + "/" + SampleServer.SAMPLE);
    System.out.println("  kubectl      kubectl --kubeconfig " + endpoints.get("KUBECONFIG") + " get videoconversions");
    System.out.println("  demo login   " + endpoints.get("DEMO_USER") + " / " + endpoints.get("DEMO_PASSWORD"));
    System.out.println("  logs         " + data.resolve("logs"));
    System.out.println("  endpoints    " + data.resolve("endpoints.env"));
    if (!g.isEmpty()) {
      System.out.println();
      System.out.println("  TOKEN=$(curl -s -X POST -u " + endpoints.get("DEMO_USER") + ":" + endpoints.get("DEMO_PASSWORD")
          + " " + g + "/login)");
      System.out.println("  curl -X POST -F 'file=@video.mp4' -H \"Authorization: Bearer $TOKEN\" " + g + "/upload");
    }
    System.out.flush();
  }

  public Map<String, String> endpoints() {
    return Map.copyOf(endpoints);
  }

  private static void mkdirs(Path... dirs) {
    try {
      for (Path dir : dirs) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StartupException("cannot create " + e.getMessage());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted");
    }
  }

  /** Stops everything in the reverse order of starting: services first, embedded parts last. */
  @Override
  public synchronized void close() {
    background.shutdownNow();
    // The services stop in parallel (each takes a few seconds); the parts they use stop after them.
    started.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
        .forEach(ServiceProcess::stopping);
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("while stopping {}: {}", part, e.getMessage());
      }
    }
  }

  /**
   * The built jars, &lt;module&gt;/target/&lt;module&gt;-&lt;version&gt;.jar, run from copies under
   * .local/jars/: a rebuild (mvn install) while the platform runs rewrites the jars in target/ in
   * place, and a JVM whose jar changes under it fails with NoClassDefFoundError at its next class load.
   */
  record Jars(Path root, Path copies) {

    Optional<Path> service(String module) {
      return built(module).map(this::copy);
    }

    private Optional<Path> built(String module) {
      Path target = root.resolve(module).resolve("target");
      if (!Files.isDirectory(target)) {
        return Optional.empty();
      }
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*.jar")) {
        for (Path jar : jars) {
          String name = jar.getFileName().toString();
          if (!name.endsWith("-plain.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
              && !name.endsWith(".original")) {
            return Optional.of(jar.toAbsolutePath());
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    /** Copies the jar unless the copy is already current; a new copy replaces the old file atomically. */
    private Path copy(Path jar) {
      Path copy = copies.resolve(jar.getFileName());
      try {
        Files.createDirectories(copies);
        if (Files.isRegularFile(copy) && Files.size(copy) == Files.size(jar)
            && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(jar))) {
          return copy;
        }
        Path tmp = Files.createTempFile(copies, jar.getFileName().toString(), ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return copy;
      } catch (IOException e) {
        throw new StartupException("cannot copy " + jar + " to " + copies + ": " + e.getMessage(), e);
      }
    }

    Optional<Path> operator() {
      return service("operator");
    }
  }
}
