package io.video2mp3.local.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * @param workDir where pods get their directories (scratch volumes, termination log, output)
 * @param imageFiles container paths of image files mapped to local files (/app/operator.jar → operator/target/...)
 * @param javaCommand the java binary that replaces a container's {@code java}
 * @param baseEnvironment what every local process inherits before the pod's env (PATH, HOME, ...)
 * @param parallelism pods running at once; further pods wait in Pending
 * @param killGrace SIGTERM, then this long before SIGKILL (Kubernetes' terminationGracePeriodSeconds)
 * @param retryBase back-off before the first retry, doubled per failure (Kubernetes: 10 s)
 * @param retryCap longest back-off
 * @param tick how often Jobs are looked at
 */
public record JobRunnerSettings(Path workDir, Map<String, String> imageFiles, String javaCommand,
    Map<String, String> baseEnvironment, int parallelism, Duration killGrace, Duration retryBase, Duration retryCap,
    Duration tick) {

  public static String currentJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
