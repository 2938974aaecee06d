package io.video2mp3.api.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.download.SignedLink.Expired;
import io.video2mp3.api.download.SignedLink.Grant;
import io.video2mp3.api.download.SignedLink.Invalid;
import io.video2mp3.api.download.SignedLink.Valid;
import io.video2mp3.api.download.SignedLink.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedLinkTest {

  private static final String KEY = "a-download-link-secret-of-32-bytes-or-more";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Grant GRANT = new Grant("6b1f0c3e-1d2a-4c55-9d0e-2f9a7c1b0e11", "alice", NOW.plusSeconds(3600));

  private final SignedLink links = SignedLink.fromSecret(KEY);

  @Test
  void aSignedLinkVerifiesUntilItsExpiry() {
    Map<String, String> query = parse(links.query(GRANT));

    assertThat(verify(links, query, NOW)).isEqualTo(new Valid(GRANT));
    assertThat(verify(links, query, GRANT.expires().minusSeconds(1))).isInstanceOf(Valid.class);
    assertThat(verify(links, query, GRANT.expires())).isEqualTo(new Expired(GRANT));
  }

  @Test
  void alteringAnyFieldBreaksTheSignature() {
    Map<String, String> query = parse(links.query(GRANT));
    for (Map.Entry<String, String> altered : Map.of(
        "fid", "6b1f0c3e-1d2a-4c55-9d0e-2f9a7c1b0e12",
        "owner", "alicf",
        "exp", String.valueOf(GRANT.expires().getEpochSecond() + 86400),
        "sig", flipLast(query.get("sig"))).entrySet()) {
      Map<String, String> tampered = new LinkedHashMap<>(query);
      tampered.put(altered.getKey(), altered.getValue());
      assertThat(verify(links, tampered, NOW)).as(altered.getKey()).isInstanceOf(Invalid.class);
    }
  }

  @Test
  void anotherKeyDoesNotVerify() {
    SignedLink other = SignedLink.fromSecret(KEY + "!");
    assertThat(verify(other, parse(links.query(GRANT)), NOW)).isInstanceOf(Invalid.class);
  }

  @Test
  void nonCanonicalSpellingsOfTheSameValuesAreRefused() {
    Map<String, String> query = parse(links.query(GRANT));
    String exp = query.get("exp");
    String sig = query.get("sig");
    for (Map.Entry<String, String> spelling : List.of(
        Map.entry("exp", "0" + exp),
        Map.entry("exp", "+" + exp),
        Map.entry("sig", sig + "="),
        Map.entry("sig", sig.substring(0, 42) + canonicalTwin(sig.charAt(42))),
        Map.entry("fid", "%36" + query.get("fid").substring(1)),
        Map.entry("owner", " alice"))) {
      Map<String, String> respelled = new LinkedHashMap<>(query);
      respelled.put(spelling.getKey(), spelling.getValue());
      assertThat(verify(links, respelled, NOW)).as(spelling.getValue()).isInstanceOf(Invalid.class);
    }
  }

  @Test
  void missingParametersAreInvalidNotAnError() {
    assertThat(links.verify(null, "alice", "1", "x", NOW)).isEqualTo(new Invalid("the link is incomplete"));
  }

  @Test
  void fieldsAreLengthPrefixedSoBoundariesCannotShift() {
    Grant a = new Grant("ab", "c.d", NOW);
    Grant b = new Grant("ab.c", "d", NOW);
    assertThat(parse(links.query(a)).get("sig")).isNotEqualTo(parse(links.query(b)).get("sig"));
  }

  @Test
  void shortKeysAndUnsafeFieldsAreRefused() {
    assertThatThrownBy(() -> new SignedLink("too-short".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> SignedLink.fromSecret(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Grant("a&b", "alice", NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOwnerKeyIsTheUsername() {
    assertThat(SignedLink.ownerKey(new Owner("alice", "alice@example.com"))).isEqualTo("alice");
    assertThat(SignedLink.ownerKey(new Owner("alice", "alice@example.com", "3f2c-uid"))).isEqualTo("3f2c-uid");
  }

  private static Verdict verify(SignedLink links, Map<String, String> query, Instant now) {
    return links.verify(query.get("fid"), query.get("owner"), query.get("exp"), query.get("sig"), now);
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }

  private static String flipLast(String sig) {
    char last = sig.charAt(sig.length() - 1);
    return sig.substring(0, sig.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  /** A base64 character that differs only in the last character's unused low bits (same decoded bytes). */
  private static char canonicalTwin(char c) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int index = alphabet.indexOf(c);
    return alphabet.charAt(index ^ 1);
  }
}
