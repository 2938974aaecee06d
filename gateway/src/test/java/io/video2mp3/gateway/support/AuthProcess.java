package io.video2mp3.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.auth.support.TemporaryDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real auth service, started from its executable jar as a subprocess against a fresh database on
 * the local MariaDB (dropped on close), with a bootstrap admin and the users the tests log in as.
 */
public final class AuthProcess implements AutoCloseable {

  public static final String JWT_SECRET = "gateway-integration-test-secret-0123456789";
  public static final String ISSUER = "video2mp3-auth";
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-password-1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  private final TemporaryDatabase database = new TemporaryDatabase("gateway_it_");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;
  private final URI url;
  private final URI managementUrl;

  private AuthProcess(Path log) throws Exception {
    int port = freePort();
    url = URI.create("http://127.0.0.1:" + port);
    int managementPort = freePort();
    managementUrl = URI.create("http://127.0.0.1:" + managementPort);
    ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", authJar().toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("MYSQL_URL", database.url());
    env.put("MYSQL_USER", database.user());
    env.put("MYSQL_PASSWORD", database.password());
    env.put("AUTH_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    env.put("AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("AUTH_BOOTSTRAP_ADMIN_EMAIL", "admin@example.com");
    process = builder.start();
    awaitReady(log);
  }

  /** Starts auth; its output goes to {@code target/auth-<name>.log}. */
  public static AuthProcess start(String name) throws Exception {
    Path log = Path.of("target", "auth-" + name + ".log");
    Files.createDirectories(log.getParent());
    return new AuthProcess(log);
  }

  public URI url() {
    return url;
  }

  /** Creates a (non-admin unless asked) user through auth's admin API. */
  public void createUser(String username, String password, boolean admin) throws Exception {
    String token = login(ADMIN, ADMIN_PASSWORD);
    String body = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\""
        + password + "\",\"admin\":" + admin + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/users"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("create user %s: %s", username, response.body()).isEqualTo(201);
  }

  /** Deletes a user through auth's admin API. */
  public void deleteUser(String username) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/users/" + username))
        .header("Authorization", "Bearer " + login(ADMIN, ADMIN_PASSWORD))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("delete user %s: %s", username, response.body()).isEqualTo(204);
  }

  /** A token straight from auth (tests of the gateway's /login go through the gateway instead). */
  public String login(String username, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/login"))
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("login %s: %s", username, response.body()).isEqualTo(200);
    return response.body().trim();
  }

  private void awaitReady(Path log) throws Exception {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("auth exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(managementUrl.resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    close();
    throw new IllegalStateException("auth did not become ready in " + STARTUP_TIMEOUT + "; see " + log.toAbsolutePath());
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    database.drop();
  }

  /** The auth jar of this build (auth is built before the gateway in the reactor), else the installed one. */
  static Path authJar() throws IOException {
    Path target = Path.of("..", "auth", "target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        var jar = files.filter(p -> p.getFileName().toString().matches("auth-.*\\.jar")).findFirst();
        if (jar.isPresent()) {
          return jar.get();
        }
      }
    }
    throw new IllegalStateException("No auth jar in " + target.toAbsolutePath()
        + "; build it first: mvn -B -q -pl auth -am install -DskipTests");
  }

  public static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
