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
 * With the shipped limits (5 failures per username, 20 per address, per minute). Client addresses
 * are set with X-Forwarded-For, which the service trusts from a local proxy, as from the gateway.
 */
@AuthIntegrationTest
class ThrottleIT {

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  @Autowired HttpTestClient http;
  @Autowired UserService users;

  @BeforeEach
  void setUp() {
    for (String name : new String[] {"carol", "dave", "erin"}) {
      if (users.findByUsername(name).isEmpty()) {
        users.create(name, name + "@example.com", name + "-password", false);
      }
    }
  }

  @Test
  void blocksAUsernameAfterFiveFailuresButNotOtherUsers() {
    String attacker = "198.51.100.1";
    for (int i = 0; i < 5; i++) {
      assertThat(http.login("carol", "guess-" + i, FORWARDED_FOR, attacker).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> blocked = http.login("carol", "carol-password", FORWARDED_FOR, attacker);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    assertThat(json(blocked).get("error").asText()).isEqualTo("too_many_requests");
    // The username is blocked from every address...
    assertThat(http.login("carol", "carol-password", FORWARDED_FOR, "198.51.100.2").statusCode()).isEqualTo(429);
    // ...while other users log in, from the same address as well.
    assertThat(http.login("dave", "dave-password", FORWARDED_FOR, attacker).statusCode()).isEqualTo(200);
    assertThat(http.login("dave", "dave-password", FORWARDED_FOR, "198.51.100.2").statusCode()).isEqualTo(200);
  }

  @Test
  void blocksAnAddressThatSpraysUsernames() {
    String attacker = "203.0.113.7";
    for (int i = 0; i < 20; i++) {
      assertThat(http.login("sprayed" + i, "password1", FORWARDED_FOR, attacker).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> blocked = http.login("erin", "erin-password", FORWARDED_FOR, attacker);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(http.login("erin", "erin-password", FORWARDED_FOR, "203.0.113.8").statusCode()).isEqualTo(200);
  }
}
