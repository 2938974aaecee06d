package io.video2mp3.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

  private final ClientAddresses gatewayNetwork = new ClientAddresses("10.42.0.0/16, fd00::/8");

  @Test
  void believesTheForwardedAddressFromATrustedPeer() {
    assertThat(gatewayNetwork.of(request("10.42.3.4", "198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(gatewayNetwork.of(request("fd00::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
  }

  @Test
  void takesTheLastEntryTheTrustedPeerAdded() {
    assertThat(gatewayNetwork.of(request("10.42.3.4", "6.6.6.6, 198.51.100.7"))).isEqualTo("198.51.100.7");
  }

  @Test
  void ignoresTheHeaderFromAnyoneElse() {
    assertThat(gatewayNetwork.of(request("198.51.100.9", "10.42.0.1"))).isEqualTo("198.51.100.9");
    assertThat(gatewayNetwork.of(request("127.0.0.1", "198.51.100.7"))).isEqualTo("127.0.0.1");
    assertThat(new ClientAddresses("").of(request("10.42.3.4", "198.51.100.7"))).isEqualTo("10.42.3.4");
  }

  @Test
  void neverTakesSomethingThatIsNotAnAddress() {
    assertThat(gatewayNetwork.of(request("10.42.3.4", "example.com"))).isEqualTo("10.42.3.4");
    assertThat(gatewayNetwork.of(request("10.42.3.4", ""))).isEqualTo("10.42.3.4");
  }

  @Test
  void refusesToStartWithAMalformedList() {
    assertThatThrownBy(() -> new ClientAddresses("10.0.0.0/99"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUTH_TRUSTED_PROXIES");
  }

  private static MockHttpServletRequest request(String peer, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    request.setRemoteAddr(peer);
    request.addHeader(ClientAddresses.FORWARDED_FOR, forwardedFor);
    return request;
  }
}
