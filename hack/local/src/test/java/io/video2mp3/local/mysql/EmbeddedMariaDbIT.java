package io.video2mp3.local.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.local.support.ListeningSockets;
import io.video2mp3.local.support.Ports;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MariaDB as local mode runs it, with its data under java.io.tmpdir (where a checkout in
 * /tmp puts .local/): rows survive a stop, and a crash, and start again; only auth's user with the
 * generated password gets in, and the server listens on 127.0.0.1 only.
 */
class EmbeddedMariaDbIT {

  @TempDir
  Path dir;

  @Test
  void rowsSurviveARestartWithTheDataUnderJavaIoTmpdir() throws Exception {
    assertThat(dir.toAbsolutePath().toString()).as("the case of a checkout under /tmp")
        .startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString());
    String password;
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, Ports.free())) {
      password = db.password();
      execute(db, "CREATE TABLE users (name VARCHAR(40) PRIMARY KEY)", "INSERT INTO users VALUES ('alice')");
    }
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, Ports.free())) {
      assertThat(db.password()).as("the kept password").isEqualTo(password);
      assertThat(names(db)).containsExactly("alice");
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("password")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void committedRowsSurviveAKilledServerExactlyOnce() throws Exception {
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, Ports.free())) {
      execute(db, "CREATE TABLE users (name VARCHAR(40) PRIMARY KEY)");
      for (int i = 0; i < 5; i++) {
        execute(db, "INSERT INTO users VALUES ('user" + i + "')");
      }
      ProcessHandle server = ProcessHandle.of(db.pid()).orElseThrow();
      server.destroyForcibly();
      server.onExit().get(30, TimeUnit.SECONDS);
    }
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, Ports.free())) {
      assertThat(names(db)).containsExactly("user0", "user1", "user2", "user3", "user4");
    }
  }

  @Test
  void onlyTheGeneratedPasswordGetsInAndOnlyOnLoopback() throws Exception {
    int port = Ports.free();
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, port)) {
      assertThat(db.password()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(Files.readString(dir.resolve("password")).strip()).isEqualTo(db.password());
      for (String[] login : List.of(new String[] {db.user(), "wrong-password"}, new String[] {db.user(), ""},
          new String[] {"root", ""}, new String[] {"", ""}, new String[] {"anyone", "anything"})) {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), login[0], login[1]).close())
            .as("login %s / '%s'", login[0], login[1]).isInstanceOf(SQLException.class)
            .hasMessageContaining("Access denied");
      }
      try (Connection connection = connect(db); Statement statement = connection.createStatement();
           ResultSet bind = statement.executeQuery("SELECT @@bind_address")) {
        bind.next();
        assertThat(bind.getString(1)).isEqualTo("127.0.0.1");
      }
      assertThat(ListeningSockets.of(List.of(db.pid()))).as("the server's listening sockets")
          .isNotEmpty().allSatisfy(listener -> assertThat(listener.address()).isEqualTo(InetAddress.getByName("127.0.0.1")));
      assertThat(Files.exists(dir.resolve("init.sql"))).as("the password is not left in the init file").isFalse();
    }
  }

  private static Connection connect(EmbeddedMariaDb db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static void execute(EmbeddedMariaDb db, String... sql) throws SQLException {
    try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  private static List<String> names(EmbeddedMariaDb db) throws SQLException {
    try (Connection connection = connect(db); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT name FROM users ORDER BY name")) {
      List<String> names = new java.util.ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }
}
