package io.video2mp3.auth.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A uniquely named database on the real MariaDB/MySQL server, created when first used and dropped by
 * {@link #drop()}. The server is {@code MYSQL_TEST_URL} (default {@code jdbc:mysql://127.0.0.1:3306/})
 * as {@code MYSQL_USER} (default root) with {@code MYSQL_PASSWORD} (default empty).
 *
 * <p>{@link AuthIntegrationTest} gives each of its classes one. A test that starts the service itself
 * registers one as a static {@code @RegisterExtension} field, which drops it after the class; the
 * gateway's tests, which start auth as a process, create and drop their own.
 */
public final class TemporaryDatabase implements AfterAllCallback {

  private static final String SERVER_URL = env("MYSQL_TEST_URL", "jdbc:mysql://127.0.0.1:3306/");
  private static final String USER = env("MYSQL_USER", "root");
  private static final String PASSWORD = env("MYSQL_PASSWORD", "");

  private final String name;
  private boolean created;

  public TemporaryDatabase() {
    this("auth_it_");
  }

  /** A database named {@code prefix} and 16 random hex digits. */
  public TemporaryDatabase(String prefix) {
    this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** The JDBC URL of the database, creating it on first call. */
  public synchronized String url() {
    if (!created) {
      execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      created = true;
    }
    return urlFor(name);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** Spring's datasource settings for the database, creating it. */
  public Map<String, Object> datasourceProperties() {
    return Map.of(
        "spring.datasource.url", url(),
        "spring.datasource.username", USER,
        "spring.datasource.password", PASSWORD);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    drop();
  }

  /** Drops the database if it was created; it is created again if used again. */
  public synchronized void drop() {
    if (created) {
      execute("DROP DATABASE IF EXISTS `" + name + "`");
      created = false;
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(urlFor(""), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot run '" + sql + "' on " + SERVER_URL + " (is MariaDB running? see hack/test.sh)", e);
    }
  }

  /** The server URL with {@code database} as its path, keeping any query parameters. */
  private static String urlFor(String database) {
    int query = SERVER_URL.indexOf('?');
    String base = query < 0 ? SERVER_URL : SERVER_URL.substring(0, query);
    String parameters = query < 0 ? "" : SERVER_URL.substring(query);
    int pathStart = base.indexOf('/', "jdbc:mysql://".length());
    String server = pathStart < 0 ? base : base.substring(0, pathStart);
    return server + "/" + database + parameters;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
