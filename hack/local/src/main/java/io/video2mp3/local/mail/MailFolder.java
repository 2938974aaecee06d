package io.video2mp3.local.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * .local/mail/: one file a delivered mail and recipient, &lt;time&gt;-&lt;recipient&gt;-&lt;sequence&gt;.eml,
 * written when the SMTP server takes the mail (before it answers 250), so every mail is saved exactly
 * once. A file appears whole (written aside, then linked under its name) and a name is never reused:
 * the link fails rather than replace a file, also one of an earlier run.
 */
final class MailFolder {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  static final String SUFFIX = ".eml";

  private final Path dir;
  private final AtomicLong sequence = new AtomicLong();

  MailFolder(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Saves the mail for one recipient and returns its file; throws if it could not (the sender is told 451). */
  Path save(MimeMessage message, String recipient) throws IOException, MessagingException {
    Path partial = Files.createTempFile(dir, ".incoming-", ".part");
    try {
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        message.writeTo(out);
        out.flush();
        channel.force(true);
      }
      String prefix = LocalDateTime.now().format(TIME) + "-" + recipient.replaceAll("[^A-Za-z0-9@._-]", "_") + "-";
      while (true) {
        Path file = dir.resolve(prefix + String.format("%06d", sequence.incrementAndGet()) + SUFFIX);
        try {
          Files.createLink(file, partial);
          return file;
        } catch (FileAlreadyExistsException e) {
          // taken by an earlier run in the same millisecond: the next number
        }
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The saved mails, newest first. */
  List<Path> mails() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
          .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
    }
  }
}
