package io.video2mp3.local.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.local.support.Ports;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local SMTP server and mailbox: every mail it takes is one file, whatever the recipients and timing. */
class LocalMailTest {

  private static final List<String> RECIPIENTS = List.of("alice@example.com", "bob@example.com", "carol@example.org");

  @TempDir
  Path dir;

  @Test
  void concurrentMailsToSeveralPeopleAreEachSavedExactlyOnce() throws Exception {
    int mails = 36;
    try (LocalMail mail = LocalMail.start(dir, Ports.free(), Ports.free())) {
      ExecutorService senders = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
          int n = i;
          sent.add(senders.submit(() -> {
            send(mail, RECIPIENTS.get(n % RECIPIENTS.size()), "mail-" + n);
            return n;
          }));
        }
        for (Future<?> f : sent) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        senders.shutdownNow();
      }
      // The server answers 250 only once the file is there: no waiting.
      assertThat(ids(dir)).hasSize(mails).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, mails).mapToObj(n -> "mail-" + n).toList());
      for (Path file : emls(dir)) {
        String to = RECIPIENTS.get(Integer.parseInt(id(file).substring(5)) % RECIPIENTS.size());
        assertThat(file.getFileName().toString()).contains("-" + to + "-");
      }
      String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mail.mailboxUrl())).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(page.split("<li>", -1)).hasSize(mails + 1);
    }
  }

  @Test
  void aRestartKeepsEveryMailAndNeverReusesAName() throws Exception {
    try (LocalMail mail = LocalMail.start(dir, Ports.free(), Ports.free())) {
      for (int i = 0; i < 3; i++) {
        send(mail, RECIPIENTS.get(0), "first-" + i);
      }
    }
    try (LocalMail mail = LocalMail.start(dir, Ports.free(), Ports.free())) {
      for (int i = 0; i < 3; i++) {
        send(mail, RECIPIENTS.get(0), "second-" + i);
      }
    }
    assertThat(ids(dir)).containsExactlyInAnyOrder("first-0", "first-1", "first-2", "second-0", "second-1", "second-2");
  }

  @Test
  void aMailThatCannotBeSavedIsRefusedSoTheSenderTriesAgain() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("mail"));
    try (LocalMail mail = LocalMail.start(folder, Ports.free(), Ports.free())) {
      Files.delete(folder);
      assertThatThrownBy(() -> send(mail, RECIPIENTS.get(1), "retried")).isInstanceOf(MessagingException.class)
          .hasMessageContaining("451");
      Files.createDirectories(folder);
      send(mail, RECIPIENTS.get(1), "retried");
    }
    assertThat(ids(folder)).containsExactly("retried");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).as("no partial file left").allMatch(f -> f.toString().endsWith(".eml"));
    }
  }

  private static void send(LocalMail mail, String to, String id) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom("video2mp3 <noreply@video2mp3.local>");
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject("Your MP3 " + id + " is ready");
    message.setHeader("X-Test-Id", id);
    message.setText("mp3 file_id: " + id);
    Transport.send(message);
  }

  private static List<Path> emls(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".eml")).toList();
    }
  }

  private static List<String> ids(Path folder) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : emls(folder)) {
      ids.add(id(file));
    }
    return ids;
  }

  private static String id(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in).getHeader("X-Test-Id", null);
    } catch (IOException | MessagingException e) {
      throw new AssertionError("unreadable mail " + file, e);
    }
  }
}
