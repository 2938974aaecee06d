package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceAddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.96.0.1", "172.16.0.1", "172.31.255.255",
      "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255",
      "198.18.0.1", "192.0.0.170", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:10.0.0.1",
      "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:7f00:1::", "ff02::1"})
  void internalAddressesAreNotPublic(String address) throws Exception {
    assertThat(SourceAddressGuard.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888",
      "64:ff9b::808:808"})
  void publicAddressesPass(String address) throws Exception {
    assertThat(SourceAddressGuard.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/x.mp4", "http://localhost/x.mp4", "http://[::1]/x.mp4",
      "https://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.mp4"})
  void internalUrlsAreRefusedAsPermanentWithoutTheAddress(String url) {
    ConversionException e = catchThrowableOfType(() -> new SourceAddressGuard(false).check(URI.create(url)),
        ConversionException.class);

    assertThat(e).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCodes.NOT_CONVERTIBLE);
    assertThat(e.getMessage()).isEqualTo(SourceAddressGuard.REFUSED);
  }

  @Test
  void allowedWhenConfigured() throws Exception {
    new SourceAddressGuard(true).check(URI.create("http://127.0.0.1:8090/sample.mp4"));
  }
}
