package io.video2mp3.local.kube;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kubectl logs} shows: the output the local Job runner kept for each pod
 * ({@code <workDir>/<namespace>/<pod>/output.log}), the last MiB at most.
 */
final class PodLogs {

  private static final int MAX_BYTES = 1024 * 1024;

  private final Path workDir;

  PodLogs(Path workDir) {
    this.workDir = workDir;
  }

  /** The pod's log, or its last {@code tailLines} lines; empty when the pod has written nothing yet. */
  String read(String namespace, String pod, Optional<Integer> tailLines) throws IOException {
    Path file = workDir.resolve(namespace).resolve(pod).resolve("output.log").normalize();
    if (!file.startsWith(workDir.normalize()) || !Files.isRegularFile(file)) {
      return "";
    }
    String text;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    if (tailLines.isEmpty()) {
      return text;
    }
    List<String> lines = text.lines().toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - Math.max(0, tailLines.get())), lines.size());
    return tail.isEmpty() ? "" : String.join("\n", tail) + "\n";
  }
}
