package io.video2mp3.local.services;

import io.video2mp3.local.support.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options of the services in local mode: the production flags of the image
 * (hack/images/jvm.options, the file the Dockerfile gives every java in the image), passed as the same
 * argument file, plus a heap cap in place of a container's memory limit. No C1-only JIT: it made the
 * gateway's SHA-256 of an upload ten times slower than in production.
 */
public final class ServiceJvm {

  public static final String OPTIONS_FILE = "hack/images/jvm.options";

  private ServiceJvm() {
  }

  /** {@code @<repo>/hack/images/jvm.options -Xmx<heap>}; the heap cap wins over the file's MaxRAMPercentage. */
  public static List<String> options(Path repoRoot, String maxHeap) {
    Path file = repoRoot.resolve(OPTIONS_FILE).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new StartupException(file + " is missing: run hack/local-up.sh from a complete checkout");
    }
    return List.of("@" + file, "-Xmx" + maxHeap);
  }
}
