package io.video2mp3.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMaskSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's address, for auth's login throttle. {@code X-Forwarded-For} is read only when the
 * connection comes from a proxy in {@code GATEWAY_TRUSTED_PROXIES} (empty by default: the header is
 * ignored, and every client is its connection's peer). Then the header is read from the right, skipping
 * trusted proxies; the first other address is the client. A client cannot choose its address by
 * sending the header itself: its own entries lie left of what the trusted proxy appended.
 */
@Component
class ClientAddresses {

  /** Literal addresses only: anything else could make the resolver ask DNS. */
  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final NetMaskSet trusted = new NetMaskSet();

  ClientAddresses(@Value("${gateway.trusted-proxies:}") String trustedProxies) {
    List<String> errors = trusted.addAll(trustedProxies);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("GATEWAY_TRUSTED_PROXIES is not a comma-separated CIDR list: " + errors);
    }
  }

  String of(HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (!isTrusted(client)) {
      return client;
    }
    List<String> hops = Collections.list(request.getHeaders("X-Forwarded-For")).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!IP_LITERAL.matcher(hop).matches()) {
        break; // garbage: the last proxy we trust is as far back as anything is known
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    try {
      return !trusted.isEmpty() && address != null && IP_LITERAL.matcher(address).matches()
          && trusted.contains(address);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
