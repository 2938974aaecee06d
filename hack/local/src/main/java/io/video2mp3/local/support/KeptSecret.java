package io.video2mp3.local.support;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret generated on the first start and kept in a file only its owner can read (0600 from
 * its creation on, never readable by others in between), so that it survives restarts.
 */
public final class KeptSecret {

  private KeptSecret() {
  }

  /** The secret kept in {@code file}, made of {@code bytes} random bytes (URL-safe Base64) when new. */
  public static String in(Path file, int bytes) {
    try {
      if (!Files.isRegularFile(file)) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n");
        try {
          // A link never replaces: a secret another start kept first wins, and is read below.
          Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
          // kept by a concurrent start
        } finally {
          Files.delete(tmp);
        }
      }
      String secret = Files.readString(file).strip();
      if (secret.isEmpty()) {
        throw new StartupException(file + " is empty: delete it and start again (a new secret is generated)");
      }
      return secret;
    } catch (IOException e) {
      throw new StartupException("cannot keep a secret in " + file + ": " + e.getMessage(), e);
    }
  }
}
