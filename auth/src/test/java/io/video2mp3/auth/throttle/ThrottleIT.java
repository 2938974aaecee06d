package io.video2mp3.auth.throttle;

import static io.video2mp3.auth.support.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.auth.support.AuthIntegrationTest;
import io.video2mp3.auth.support.HttpTestClient;
import io.video2mp3.auth.user.UserService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the shipped limits (5 failures per account and address; pressure at 20 per address or per
 * account; one minute). Client addresses are set with X-Forwarded-For, which the service trusts from a
 * loopback peer by default (AUTH_TRUSTED_PROXIES), as from the gateway in local mode.
 */
@AuthIntegrationTest
class ThrottleIT {

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  @Autowired HttpTestClient http;
  @Autowired UserService users;

  @BeforeEach
  void setUp() {
    for (String name : new String[] {"carol", "dave", "erin", "frank"}) {
      if (users.findByUsername(name).isEmpty()) {
        users.create(name, name + "@example.com", name + "-password", false);
      }
    }
  }

  @Test
  void caseAccentAndEmailVariantsShareTheAccountsCount() {
    String attacker = "198.51.100.1";
    // Each spelling finds the same row under the database's collation; none gets fresh tries.
    for (String variant : new String[] {"carol", "CAROL", "cärol", "Carol ", "carol@EXAMPLE.com"}) {
      assertThat(http.login(variant, "guess", FORWARDED_FOR, attacker).statusCode()).as(variant).isEqualTo(401);
    }

    for (String variant : new String[] {"carol", "ÇAROL", "carol@example.com"}) {
      HttpResponse<String> blocked = http.login(variant, "carol-password", FORWARDED_FOR, attacker);
      assertThat(blocked.statusCode()).as("even the right password, as " + variant).isEqualTo(429);
      assertThat(blocked.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
      assertThat(json(blocked).get("error").asText()).isEqualTo("too_many_requests");
    }
    // The attacker's failures do not lock the owner out from her own address.
    assertThat(http.login("carol", "carol-password", FORWARDED_FOR, "198.51.100.2").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownNamesCostTheSameAsAccounts() {
    String attacker = "198.51.100.3";
    for (String variant : new String[] {"nobody", "NOBODY", "nöbody", "Nobody", "ｎｏｂｏｄｙ"}) {
      assertThat(http.login(variant, "guess", FORWARDED_FOR, attacker).statusCode()).as(variant).isEqualTo(401);
    }

    assertThat(http.login("NoBody", "guess", FORWARDED_FOR, attacker).statusCode()).isEqualTo(429);
  }

  @Test
  void sprayingFromASharedAddressNeverLocksOutAUserWhoHasNotFailed() {
    // Behind a proxy that is not trusted every client shares one address: here the attacker's.
    String shared = "203.0.113.7";
    for (int i = 0; i < 25; i++) {
      assertThat(http.login("sprayed" + i, "password1", FORWARDED_FOR, shared).statusCode()).isEqualTo(401);
    }
    assertThat(http.login("dave", "password1", FORWARDED_FOR, shared).statusCode()).isEqualTo(401);

    // Right password, no failure of her own: in, during the attacker's storm.
    assertThat(http.login("erin", "erin-password", FORWARDED_FOR, shared).statusCode()).isEqualTo(200);
    // Under that pressure each account gets one failure from the address, not five...
    assertThat(http.login("dave", "dave-password", FORWARDED_FOR, shared).statusCode()).isEqualTo(429);
    assertThat(http.login("sprayed0", "password2", FORWARDED_FOR, shared).statusCode()).isEqualTo(429);
    // ...and nothing of it reaches other addresses.
    assertThat(http.login("dave", "dave-password", FORWARDED_FOR, "203.0.113.8").statusCode()).isEqualTo(200);
  }

  @Test
  void aSuccessClearsTheUsersOwnFailures() {
    String address = "192.0.2.10";
    for (int i = 0; i < 4; i++) {
      assertThat(http.login("frank", "typo-" + i, FORWARDED_FOR, address).statusCode()).isEqualTo(401);
    }
    assertThat(http.login("frank", "frank-password", FORWARDED_FOR, address).statusCode()).isEqualTo(200);

    assertThat(http.login("frank", "typo-again", FORWARDED_FOR, address).statusCode()).isEqualTo(401);
    assertThat(http.login("frank", "frank-password", FORWARDED_FOR, address).statusCode()).isEqualTo(200);
  }
}
