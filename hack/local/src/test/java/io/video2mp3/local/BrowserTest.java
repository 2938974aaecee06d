package io.video2mp3.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs hack/browser/e2e.mjs (Playwright driving Debian's Chromium) against a running local platform and
 * fails with its output unless it passes. hack/test.sh installs Chromium and the pinned npm packages.
 */
final class BrowserTest {

  private static final long TIMEOUT_MINUTES = 6;

  private BrowserTest() {
  }

  /** {@code media} holds "browser one.mp4", {@code Our "best" talk.mp4} and notes.mp4 (not a video). */
  static void run(Path repo, Map<String, String> endpoints, Path media) throws Exception {
    Path browserDir = repo.resolve("hack/browser");
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertThat(chromium).as("Chromium (hack/test.sh installs Debian's chromium)").isExecutable();
    assertThat(browserDir.resolve("node_modules/playwright-core")).as("playwright-core: run `npm ci` in %s"
        + " (hack/test.sh does)", browserDir).isDirectory();
    Path target = Path.of("target").toAbsolutePath();
    Path log = target.resolve("browser-e2e.log");
    Files.createDirectories(target);

    ProcessBuilder builder = new ProcessBuilder("node", "e2e.mjs").directory(browserDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("GATEWAY_URL", endpoints.get("GATEWAY_URL"));
    env.put("MAILBOX_URL", endpoints.get("MAILBOX_URL"));
    env.put("DEMO_USER", endpoints.get("DEMO_USER"));
    env.put("DEMO_PASSWORD", endpoints.get("DEMO_PASSWORD"));
    env.put("MEDIA_DIR", media.toString());
    env.put("SCREENSHOT_DIR", target.resolve("screenshots").toString());
    env.put("CHROMIUM", chromium.toString());
    Process node = builder.start();
    try {
      boolean finished = node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      assertThat(finished).as("the browser test did not finish within %d min:\n%s", TIMEOUT_MINUTES, read(log)).isTrue();
      assertThat(node.exitValue()).as("the browser test failed:\n%s", read(log)).isZero();
    } finally {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
