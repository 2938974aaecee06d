package io.video2mp3.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMaskSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a login comes from, for throttling. The connection's peer, unless the peer is in
 * {@code AUTH_TRUSTED_PROXIES} (the gateway's addresses): then the address the gateway put last in
 * {@code X-Forwarded-For}. The gateway replaces that header with the one client address it resolved,
 * so from a trusted peer the last entry is what it vouches for; from anyone else the header is ignored.
 */
@Component
class ClientAddresses {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  /** Literal addresses only: anything else could make the resolver ask DNS. */
  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final NetMaskSet trusted = new NetMaskSet();

  ClientAddresses(@Value("${auth.trusted-proxies:}") String trustedProxies) {
    List<String> errors = trusted.addAll(trustedProxies);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("AUTH_TRUSTED_PROXIES is not a comma-separated CIDR list: " + errors);
    }
  }

  String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    String header = request.getHeader(FORWARDED_FOR);
    if (header == null || !isTrusted(peer)) {
      return peer;
    }
    String last = header.substring(header.lastIndexOf(',') + 1).strip();
    return IP_LITERAL.matcher(last).matches() ? last : peer;
  }

  private boolean isTrusted(String address) {
    try {
      return !trusted.isEmpty() && IP_LITERAL.matcher(address).matches() && trusted.contains(address);
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
