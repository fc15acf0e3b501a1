package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rate limits count an IPv6 client by its /64: one subscriber holds a whole /64. */
@Tag("unit")
class ClientAddressTest {

  @Test
  void ipv6AddressesOfOneSlash64AreOneBucketAndMappedIpv4IsIpv4() {
    assertThat(ClientAddress.bucket("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.bucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.bucket("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    assertThat(ClientAddress.bucket("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(ClientAddress.bucket("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(ClientAddress.bucket(null)).isNull();
  }
}
