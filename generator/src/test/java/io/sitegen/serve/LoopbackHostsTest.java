package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackHostsTest {
  private static final InetAddress V4 = InetAddress.getLoopbackAddress();

  @ParameterizedTest
  @ValueSource(strings = {"localhost:4000", "127.0.0.1:4000", "[::1]:4000", "LocalHost:4000", "LOCALHOST:4000"})
  void acceptsThisMachineOnItsPort(String host) {
    assertThat(LoopbackHosts.accepts(host, V4, 4000)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "evil.example:4000", "localhost", "127.0.0.1", "localhost:4001",
      "localhost:40000", "localhost.:4000", "localhost.evil.example:4000", "127.0.0.1.nip.io:4000",
      "127.0.0.2:4000", "[::1]", "::1:4000", "localhost:4000 ", "", "localhost:4000,evil.example"})
  void refusesOtherNamesPortsAndNoPort(String host) {
    assertThat(LoopbackHosts.accepts(host, V4, 4000)).isFalse();
  }

  @Test
  void refusesAMissingHost() {
    assertThat(LoopbackHosts.accepts(null, V4, 4000)).isFalse();
  }

  @Test
  void aHostWithoutPortIsTheDefaultPort80() {
    assertThat(LoopbackHosts.accepts("localhost", V4, 80)).isTrue();
    assertThat(LoopbackHosts.accepts("127.0.0.1", V4, 80)).isTrue();
    assertThat(LoopbackHosts.accepts("localhost:80", V4, 80)).isTrue();
    assertThat(LoopbackHosts.accepts("evil.example", V4, 80)).isFalse();
  }

  @Test
  void acceptsTheBoundAddressItself() throws Exception {
    InetAddress other = InetAddress.getByName("127.0.0.5");
    assertThat(LoopbackHosts.accepts("127.0.0.5:4000", other, 4000)).isTrue();
    assertThat(LoopbackHosts.accepts("127.0.0.5:4000", V4, 4000)).isFalse();
    InetAddress v6 = InetAddress.getByName("::1");
    assertThat(LoopbackHosts.accepts("[0:0:0:0:0:0:0:1]:4000", v6, 4000)).isTrue();
  }

  @Test
  void theRefusalNamesTheAddressToUse() {
    assertThat(LoopbackHosts.refusal(4000)).startsWith("forbidden: ").contains("localhost:4000").endsWith("\n");
    assertThat(LoopbackHosts.refusal(4000).strip()).doesNotContain("\n");
  }
}
