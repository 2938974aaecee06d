package io.video2mp3.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays SMTP to a real server, except that the first message it sees is held back just before the
 * final {@code "\r\n.\r\n"} of its DATA: the client has sent the whole mail and waits for a 250 that
 * never comes, and the server never receives it complete (so never delivers it). Later connections are
 * relayed as they are.
 */
public final class StallingSmtpProxy implements AutoCloseable {

  private static final String END_OF_DATA = "\r\n.\r\n";

  private final ServerSocket server;
  private final int targetPort;
  private final AtomicBoolean stallNext = new AtomicBoolean(true);
  private final CountDownLatch stalled = new CountDownLatch(1);

  public StallingSmtpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Counted down once a client has sent a whole message that the proxy holds back. */
  public CountDownLatch stalled() {
    return stalled;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        start(() -> pump(upstream, client, false));
        start(() -> pump(client, upstream, true));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToServer) {
    StringBuilder seen = new StringBuilder();
    int forwarded = 0;
    boolean holding = false;
    byte[] buffer = new byte[8192];
    try (from; to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (!clientToServer) {
          out.write(buffer, 0, read);
          continue;
        }
        if (holding) {
          continue; // the client may send more; none of it reaches the server
        }
        seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        int data = seen.indexOf("\r\nDATA\r\n") >= 0 ? seen.indexOf("\r\nDATA\r\n") : seen.indexOf("DATA\r\n");
        int end = data < 0 ? -1 : seen.indexOf(END_OF_DATA, data + 6);
        if (end >= 0 && stallNext.compareAndSet(true, false)) {
          if (end + 2 > forwarded) { // else the "\r\n" before the dot went with the last read already
            out.write(seen.substring(forwarded, end + 2).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
          holding = true;
          stalled.countDown();
          continue;
        }
        out.write(buffer, 0, read);
        forwarded = seen.length();
      }
    } catch (IOException e) {
      // one side hung up: closing both ends the relay
    }
  }

  private static void start(Runnable pump) {
    Thread thread = new Thread(pump, "smtp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
