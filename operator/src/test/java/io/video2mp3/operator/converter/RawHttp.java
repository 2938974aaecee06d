package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a fresh socket per request ({@code Connection: close}), so a test controls
 * exactly how many TCP connections the server sees, which java.net.http's pooling would hide.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;

  record Response(int status, Map<String, String> headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private RawHttp() {
  }

  static Response send(String method, URI uri, Optional<String> range) throws IOException {
    try (Socket socket = connect(uri)) {
      OutputStream out = socket.getOutputStream();
      out.write(request(method, uri, range));
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  /** Sends a GET, reads the status line and {@code bodyBytes} more, then hangs up (as ffmpeg does on a seek). */
  static int abandon(URI uri, Optional<String> range, int bodyBytes) throws IOException {
    try (Socket socket = connect(uri)) {
      socket.getOutputStream().write(request("GET", uri, range));
      InputStream in = socket.getInputStream();
      byte[] start = in.readNBytes(12);
      in.readNBytes(bodyBytes);
      return Integer.parseInt(new String(start, StandardCharsets.US_ASCII).substring(9, 12));
    }
  }

  private static Socket connect(URI uri) throws IOException {
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  private static byte[] request(String method, URI uri, Optional<String> range) {
    String text = method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
        + range.map(r -> "Range: " + r + "\r\n").orElse("") + "Connection: close\r\n\r\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers,
        Arrays.copyOfRange(raw, end + 4, raw.length));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no end of headers in a " + haystack.length + "-byte response");
  }
}
