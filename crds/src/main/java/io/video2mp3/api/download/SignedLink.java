package io.video2mp3.api.download;

import io.video2mp3.api.conversion.Owner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mail's download link, like an object store's presigned URL: an HMAC-SHA256 over file id, owner and
 * expiry. The notifier signs, the gateway verifies; both hold the same key (DOWNLOAD_LINK_SECRET).
 * Every field has one accepted spelling, so a link cannot be altered into another that still verifies.
 */
public final class SignedLink {

  /** The path of the gateway's endpoint that answers these links. */
  public static final String PATH = "/download/signed";
  public static final int MIN_KEY_BYTES = 32;
  private static final int MAX_FIELD_CHARS = 128;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_FIELD_CHARS + "}");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("[1-9][0-9]{0,11}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /** @throws IllegalArgumentException when the key is shorter than 32 bytes */
  public SignedLink(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("DOWNLOAD_LINK_SECRET must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The key from its configured text (its UTF-8 bytes). */
  public static SignedLink fromSecret(String secret) {
    return new SignedLink(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Who a link is bound to: the owner's immutable id when the owner carries one, else the username. */
  public static String ownerKey(Owner owner) {
    return owner.uid() != null && !owner.uid().isBlank() ? owner.uid() : owner.username();
  }

  /** What a link grants: one file of one owner until {@code expires} (whole seconds). */
  public record Grant(String fileId, String owner, Instant expires) {
    public Grant {
      Objects.requireNonNull(expires, "expires");
      if (fileId == null || !FIELD.matcher(fileId).matches() || owner == null || !FIELD.matcher(owner).matches()) {
        throw new IllegalArgumentException("file id and owner must be 1-" + MAX_FIELD_CHARS
            + " characters of A-Z a-z 0-9 . _ @ -");
      }
      expires = Instant.ofEpochSecond(expires.getEpochSecond());
    }
  }

  /** The link's query string: {@code fid=..&owner=..&exp=..&sig=..} (every value is URL-safe as is). */
  public String query(Grant grant) {
    return "fid=" + grant.fileId() + "&owner=" + grant.owner() + "&exp=" + grant.expires().getEpochSecond()
        + "&sig=" + signature(grant);
  }

  /** The outcome of checking a link's parameters. */
  public sealed interface Verdict {
  }

  /** Genuine and still valid. */
  public record Valid(Grant grant) implements Verdict {
  }

  /** Genuine, but its time is over. */
  public record Expired(Grant grant) implements Verdict {
  }

  /** Malformed, altered, or signed with another key. */
  public record Invalid(String reason) implements Verdict {
  }

  /** Checks the four query parameters exactly as received (any may be null). */
  public Verdict verify(String fileId, String owner, String exp, String sig, Instant now) {
    if (fileId == null || owner == null || exp == null || sig == null) {
      return new Invalid("the link is incomplete");
    }
    if (!FIELD.matcher(fileId).matches() || !FIELD.matcher(owner).matches()
        || !EPOCH_SECONDS.matcher(exp).matches() || !SIGNATURE.matcher(sig).matches()) {
      return new Invalid("the link is malformed");
    }
    Grant grant = new Grant(fileId, owner, Instant.ofEpochSecond(Long.parseLong(exp)));
    byte[] expected = signature(grant).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
      return new Invalid("the link's signature does not match");
    }
    return now.isBefore(grant.expires()) ? new Valid(grant) : new Expired(grant);
  }

  private String signature(Grant grant) {
    // Length-prefixed fields: no two different grants have the same input.
    String input = "v1|" + grant.fileId().length() + ":" + grant.fileId() + "|" + grant.owner().length() + ":"
        + grant.owner() + "|" + grant.expires().getEpochSecond();
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
