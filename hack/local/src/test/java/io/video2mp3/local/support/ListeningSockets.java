package io.video2mp3.local.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets that processes listen on, as Linux shows them in /proc (the sockets a process holds
 * in /proc/&lt;pid&gt;/fd, their addresses in /proc/&lt;pid&gt;/net/tcp and tcp6): what the tests assert
 * about bind addresses, whatever library opened the socket.
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  public record Listener(long pid, InetAddress address, int port) {
    @Override
    public String toString() {
      return "pid " + pid + " on " + address.getHostAddress() + ":" + port;
    }
  }

  private ListeningSockets() {
  }

  public static List<Listener> of(Collection<Long> pids) throws IOException {
    List<Listener> listeners = new ArrayList<>();
    for (long pid : pids) {
      Set<String> inodes = socketInodes(pid);
      for (String table : List.of("tcp", "tcp6")) {
        Path file = Path.of("/proc", String.valueOf(pid), "net", table);
        if (!Files.isReadable(file)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.trim().split("\\s+");
          if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
            String[] local = fields[1].split(":");
            listeners.add(new Listener(pid, address(local[0]), Integer.parseInt(local[1], 16)));
          }
        }
      }
    }
    return listeners;
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    Path fds = Path.of("/proc", String.valueOf(pid), "fd");
    if (!Files.isDirectory(fds)) {
      return inodes;
    }
    try (Stream<Path> links = Files.list(fds)) {
      for (Path link : links.toList()) {
        try {
          String target = Files.readSymbolicLink(link).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return inodes;
  }

  /** /proc writes each 32-bit word of the address in host (little-endian) order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = word * 8 + (3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
