package io.video2mp3.operator.converter;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Keeps URL sources outside the cluster: every address a source host resolves to (checked before
 * each request and each redirect hop) must be a public one, never loopback, link-local, private,
 * carrier-grade NAT or otherwise reserved, so a VideoConversion cannot make the converter reach
 * internal services. The converter caches DNS answers for its lifetime
 * ({@link #pinDnsAnswers}), so the address checked is the address the HTTP client connects to
 * (no DNS rebinding between the check and the connect). Local mode, whose sample server is on
 * 127.0.0.1, turns the check off with {@code ALLOW_PRIVATE_SOURCE_ADDRESSES=true}.
 */
public record SourceAddressGuard(boolean allowPrivate) {

  static final String REFUSED = "the source URL points to a private or internal address, which is not accepted";

  /** Call before the first lookup of the process: DNS answers are then kept until it exits. */
  public static void pinDnsAnswers() {
    java.security.Security.setProperty("networkaddress.cache.ttl", "-1");
  }

  public void check(URI uri) throws ConversionException {
    if (allowPrivate) {
      return;
    }
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      throw ConversionException.transientFailure("the source URL's host could not be resolved", e);
    }
    if (Arrays.stream(addresses).anyMatch(a -> !isPublic(a))) {
      throw ConversionException.permanent(REFUSED);
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xFE) == 0xFC) {
        return false; // unique local fc00::/7
      }
      if (b[0] == 0x20 && b[1] == 0x02) {
        return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16 carries an IPv4 address
      }
      boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
      boolean embedded = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10])
          && (b[10] == 0 && b[11] == 0 || (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF);
      if (nat64 || embedded) {
        return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // NAT64, IPv4-compatible or -mapped
      }
    }
    return true;
  }

  private static boolean isPublicV4(byte[] b) {
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    return !(first == 0 || first == 10 || first == 127 || first >= 224
        || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64.0.0/10
        || first == 169 && second == 254
        || first == 172 && second >= 16 && second < 32
        || first == 192 && second == 168
        || first == 192 && second == 0 && (b[2] & 0xFF) == 0 // IETF protocol assignments
        || first == 198 && (second == 18 || second == 19)); // benchmarking 198.18.0.0/15
  }
}
