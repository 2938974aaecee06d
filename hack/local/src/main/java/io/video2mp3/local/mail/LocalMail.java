package io.video2mp3.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.video2mp3.local.support.StartupException;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The local SMTP server (GreenMail on 127.0.0.1, any sender, no authentication) and the mailbox: each
 * received mail is saved once a recipient in .local/mail/ ({@link MailFolder}) and listed on a small
 * web page.
 */
public final class LocalMail implements AutoCloseable {

  private final GreenMail greenMail;
  private final HttpServer http;
  private final MailFolder folder;

  private LocalMail(GreenMail greenMail, HttpServer http, MailFolder folder) {
    this.greenMail = greenMail;
    this.http = http;
    this.folder = folder;
  }

  public static LocalMail start(Path dir, int smtpPort, int httpPort) {
    GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    MailFolder folder = new MailFolder(dir);
    greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> new SavingRecipient(address.getEmail(), folder));
    try {
      Files.createDirectories(dir);
      greenMail.start();
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot start the local SMTP server on 127.0.0.1:" + smtpPort + ": " + e.getMessage(), e);
    }
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
    } catch (IOException e) {
      greenMail.stop();
      throw new StartupException("cannot start the mailbox page on 127.0.0.1:" + httpPort + ": " + e.getMessage(), e);
    }
    LocalMail mail = new LocalMail(greenMail, http, folder);
    http.createContext("/", mail::handle);
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.start();
    return mail;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public String mailboxUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
      if (path.equals("/")) {
        respond(exchange, 200, "text/html; charset=utf-8", index());
        return;
      }
      String name = path.substring(1).replaceFirst("\\.txt$", ".eml");
      Path file = folder.dir().resolve(name).normalize();
      if (!file.getParent().equals(folder.dir().normalize()) || !name.endsWith(MailFolder.SUFFIX)
          || !Files.isRegularFile(file)) {
        respond(exchange, 404, "text/plain; charset=utf-8", "no such mail\n");
        return;
      }
      if (path.endsWith(".txt")) {
        respond(exchange, 200, "text/plain; charset=utf-8", plainText(file));
      } else {
        respond(exchange, 200, "message/rfc822", Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
  }

  private String index() throws IOException {
    StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>video2mp3 local mailbox</title>"
        + "<h1>video2mp3 local mailbox</h1><p>Mails sent by the notifier to any address, newest first.</p><ul>");
    for (Path file : folder.mails()) {
      String name = file.getFileName().toString();
      String subject = "";
      try (InputStream in = Files.newInputStream(file)) {
        subject = new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
      } catch (Exception e) {
        subject = "(unreadable)";
      }
      html.append("<li>").append(escape(name)).append(" — ").append(escape(String.valueOf(subject)))
          .append(" <a href=\"/").append(escape(name.replaceFirst("\\.eml$", ".txt"))).append("\">text</a>")
          .append(" <a href=\"/").append(escape(name)).append("\">.eml</a></li>");
    }
    return html.append("</ul>").toString();
  }

  /** Headers and the text/plain part (the notifier sends text with an HTML alternative). */
  static String plainText(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      StringBuilder text = new StringBuilder();
      text.append("From: ").append(String.join(", ", addresses(message.getFrom()))).append('\n');
      text.append("To: ").append(String.join(", ", addresses(message.getAllRecipients()))).append('\n');
      text.append("Subject: ").append(message.getSubject()).append("\n\n");
      text.append(plainPart(message.getContent()));
      return text.toString();
    } catch (Exception e) {
      return "cannot read " + file.getFileName() + ": " + e.getMessage();
    }
  }

  /** The text/plain part of a mail's content (a String, or a multipart with a text alternative). */
  public static String plainPart(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart nested) {
          String text = plainPart(nested);
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
    }
    return "";
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Stream.of(addresses).map(Address::toString).toList();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(type.startsWith("message/") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    http.stop(0);
    greenMail.stop();
  }
}
