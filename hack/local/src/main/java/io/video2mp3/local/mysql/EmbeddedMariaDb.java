package io.video2mp3.local.mysql;

import io.video2mp3.local.support.HttpProbe;
import io.video2mp3.local.support.KeptSecret;
import io.video2mp3.local.support.Ports;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB for auth (binaries and data under .local/mariadb/, kept across restarts wherever that
 * lies) on 127.0.0.1 only, with its grant tables: auth logs in as {@value #USER} with a password
 * generated on the first start and kept in .local/mariadb/password (0600). No anonymous user, and root
 * only through the server's Unix socket.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  public static final String DATABASE = "video2mp3";
  public static final String USER = "video2mp3";
  private static final String READY = ": ready for connections.";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final String password;

  private EmbeddedMariaDb(Process process, int port, String password) {
    this.process = process;
    this.port = port;
    this.password = password;
  }

  public static EmbeddedMariaDb start(Path dir, int port) {
    Path log = dir.resolve("mariadb.log");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(log)) {
        Files.createFile(log);
      }
      MariaDbInstallation installation = MariaDbInstallation.prepare(dir, log);
      String password = KeptSecret.in(dir.resolve("password"), 24);
      Path init = writeInitFile(dir.resolve("init.sql"), password);
      long logOffset = Files.size(log);
      Process process = installation.process(serverCommand(installation, port, init), log).start();
      EmbeddedMariaDb db = new EmbeddedMariaDb(process, port, password);
      boolean ready = HttpProbe.await(START_TIMEOUT, () -> logSince(log, logOffset).contains(READY),
          () -> !process.isAlive());
      Files.deleteIfExists(init);
      if (!ready) {
        db.close();
        throw new StartupException("MariaDB did not become ready on 127.0.0.1:" + port + " within "
            + START_TIMEOUT.toSeconds() + "s: " + lastError(log, logOffset) + " (full log: " + log + ")");
      }
      return db;
    } catch (IOException e) {
      throw new StartupException("cannot start the embedded MariaDB on 127.0.0.1:" + port + " (" + e.getMessage()
          + "); see " + dir + ", or set MYSQL_URL to use another MySQL/MariaDB", e);
    }
  }

  private static List<String> serverCommand(MariaDbInstallation installation, int port, Path init) {
    List<String> command = new ArrayList<>(List.of(installation.server().toString(),
        "--no-defaults", "--console", "--basedir=" + installation.base(), "--datadir=" + installation.data(),
        "--tmpdir=" + installation.tmp(), "--socket=" + installation.tmp().resolve("mysql.sock"),
        "--port=" + port, "--bind-address=" + Ports.LOOPBACK, "--skip-name-resolve",
        "--init-file=" + init, "--max_allowed_packet=64M",
        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
    if (MariaDbInstallation.runningAsRoot()) {
      command.add("--user=root");
    }
    return command;
  }

  /**
   * Run by the server at each start, before it takes connections, with all privileges: the database,
   * auth's user with the kept password (set again, should the file have been replaced), and no
   * anonymous users (data directories of older local platforms had them). One statement a line.
   */
  private static Path writeInitFile(Path file, String password) throws IOException {
    String user = "'" + USER + "'@'" + Ports.LOOPBACK + "'";
    String sql = String.join("\n",
        "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
        "DELETE FROM mysql.global_priv WHERE User = '';",
        "FLUSH PRIVILEGES;",
        "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + password + "';",
        "ALTER USER " + user + " IDENTIFIED BY '" + password + "';",
        "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO " + user + ";",
        "");
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, sql);
    return file;
  }

  private static String logSince(Path log, long offset) {
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(offset);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last [ERROR] line the server logged after {@code offset}, else its last line: why it did not start. */
  static String lastError(Path log, long offset) {
    List<String> lines = logSince(log, offset).strip().lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).contains("[ERROR]")) {
        return lines.get(i).strip();
      }
    }
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
  }

  public String jdbcUrl() {
    return "jdbc:mysql://" + Ports.LOOPBACK + ":" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM: MariaDB shuts down cleanly (flushes InnoDB); killed only if it has not within 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "MariaDB on " + Ports.LOOPBACK + ":" + port;
  }
}
