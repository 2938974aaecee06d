package io.video2mp3.local.amqp;

import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An embedded AMQP 0-9-1 broker (Qpid Broker-J, in-memory store) with the user guest/guest. Qpid
 * closes the connection on arguments it does not know (x-queue-type, ...) unless told to log them.
 * Messages do not survive a restart: local mode's durable state is in MongoDB and the API objects.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final String CONFIG = "/qpid/local-broker.json";
  private final SystemLauncher launcher;
  private final int port;

  private EmbeddedBroker(SystemLauncher launcher, int port) {
    this.launcher = launcher;
    this.port = port;
  }

  public static EmbeddedBroker start(Path workDir, int port) {
    registerClasspathUrls();
    try {
      Files.createDirectories(workDir);
      Path config = workDir.resolve("config.json");
      try (var in = EmbeddedBroker.class.getResourceAsStream(CONFIG)) {
        Files.write(config, in.readAllBytes());
      }
      Map<String, Object> context = new HashMap<>();
      context.put("qpid.amqp_port", String.valueOf(port));
      context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
      context.put("qpid.home_dir", workDir.toAbsolutePath().toString());
      context.put("queue.behaviourOnUnknownDeclareArgument", "LOG");
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("type", "Memory");
      attributes.put("initialConfigurationLocation", config.toUri().toString());
      attributes.put("startupLoggedToSystemOut", false);
      attributes.put("context", context);
      SystemLauncher launcher = new SystemLauncher();
      launcher.startup(attributes);
      return new EmbeddedBroker(launcher, port);
    } catch (IOException e) {
      throw new StartupException("cannot prepare the AMQP broker under " + workDir + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new StartupException("cannot start the AMQP broker on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * Qpid reads its defaults from classpath: URLs and registers that scheme through
   * java.protocol.handler.pkgs, which the JDK resolves with the system class loader only; inside the
   * executable jar (nested jars) that fails with "unknown protocol: classpath". A stream handler
   * factory works with any class loader; it can be set once per JVM, hence the guard.
   */
  private static synchronized void registerClasspathUrls() {
    try {
      new java.net.URL("classpath:system.properties");
    } catch (java.net.MalformedURLException e) {
      try {
        java.net.URL.setURLStreamHandlerFactory(protocol -> "classpath".equals(protocol)
            ? new org.apache.qpid.server.util.urlstreamhandler.classpath.Handler() : null);
      } catch (Error alreadySet) {
        // another factory is installed: Qpid will say what it misses
      }
    }
  }

  public String uri() {
    return "amqp://guest:guest@127.0.0.1:" + port;
  }

  /**
   * Qpid also stops itself from a JVM shutdown hook of its own (BrokerImpl), so at Ctrl-C it has often
   * stopped already: its task executor then logs an ERROR and refuses the second shutdown.
   */
  @Override
  public void close() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        "org.apache.qpid.server.configuration.updater.TaskExecutorImpl")).setLevel(ch.qos.logback.classic.Level.OFF);
    try {
      launcher.shutdown();
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("not in ACTIVE state")) {
        throw e;
      }
    }
  }
}
