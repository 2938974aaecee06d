package io.video2mp3.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

  @Test
  void parsesUserAndPassword() {
    assertThat(BasicCredentials.parse(basic("alice:pw")))
        .contains(new BasicCredentials("alice", "pw"));
  }

  @Test
  void thePasswordMayContainColonsAndBeEmpty() {
    assertThat(BasicCredentials.parse(basic("alice:a:b:c")))
        .contains(new BasicCredentials("alice", "a:b:c"));
    assertThat(BasicCredentials.parse(basic("alice:"))).contains(new BasicCredentials("alice", ""));
  }

  @Test
  void theSchemeIsCaseInsensitiveAndUtf8IsDecoded() {
    String header = "basic " + encode("zoë@example.com:pässword".getBytes(StandardCharsets.UTF_8));

    assertThat(BasicCredentials.parse(header))
        .contains(new BasicCredentials("zoë@example.com", "pässword"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Bearer abc", "Basic", "Basic !!!notbase64!!!", "Digest username=\"a\""})
  void rejectsMissingOrMalformedHeaders(String header) {
    assertThat(BasicCredentials.parse(header)).isEmpty();
  }

  @Test
  void rejectsAnEmptyUserOrNoColon() {
    assertThat(BasicCredentials.parse(basic(":pw"))).isEmpty();
    assertThat(BasicCredentials.parse(basic("alice"))).isEmpty();
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    assertThat(BasicCredentials.parse("Basic " + encode(new byte[] {'a', ':', (byte) 0xff}))).isEmpty();
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(new BasicCredentials("alice", "hunter22").toString()).doesNotContain("hunter22");
  }

  private static String basic(String userColonPassword) {
    return "Basic " + encode(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
