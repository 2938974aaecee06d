package io.video2mp3.notifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that refuses every recipient with {@code 550 5.1.1} (mailbox does not exist), as a
 * real server does for an unknown user; GreenMail accepts every recipient. One connection at a time.
 */
public final class RejectingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;

  public RejectingSmtpServer() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::serve, "rejecting-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // closed, or the client went away: next one
      }
    }
  }

  private static void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 rejecting.test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 rejecting.test");
        case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
        case "RCPT" -> reply(out, "550 5.1.1 " + line.substring(line.indexOf(':') + 1).trim()
            + ": Recipient address rejected: User unknown in local recipient table");
        case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return;
        }
        default -> reply(out, "502 5.5.2 Command not recognized");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
