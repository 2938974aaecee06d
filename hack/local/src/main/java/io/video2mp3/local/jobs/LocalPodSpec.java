package io.video2mp3.local.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What to run for one pod: the command line, its environment and files, already mapped to local paths. */
public record LocalPodSpec(List<String> command, Map<String, String> environment, Path workingDir,
    Path terminationLog, Path logFile, String containerName, boolean fallbackToLogsOnError) {
}
