package org.duban.platform;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address: the peer's, unless the peer is a trusted proxy (TRACKER_TRUSTED_PROXIES),
 * in which case the right-most address in X-Forwarded-For that is not itself a trusted proxy. A
 * client can put anything in X-Forwarded-For; only what our own proxies appended is believed.
 */
@ApplicationScoped
public class ClientAddress {

  private final List<IpSubnetFilterRule> trusted = new ArrayList<>();

  public ClientAddress(TrackerConfig config) {
    for (String entry : config.trustedProxies().orElse(List.of())) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      String ip = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
      if (!literal(ip)) {
        throw new IllegalArgumentException("TRACKER_TRUSTED_PROXIES: '" + e + "' is not an address or CIDR range");
      }
      int bits = e.contains("/") ? Integer.parseInt(e.substring(e.indexOf('/') + 1)) : (ip.contains(":") ? 128 : 32);
      trusted.add(new IpSubnetFilterRule(ip, bits, IpFilterRuleType.ACCEPT));
    }
  }

  /** Whether the peer of this request is one of our trusted proxies. */
  public boolean viaTrustedProxy(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return peer != null && !trusted.isEmpty() && isTrusted(peer);
  }

  public String of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (peer == null || trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!literal(hop)) {
        return peer; // garbage where our proxy should have written an address: trust nothing of it
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  /**
   * The key that rate limits and throttles count by: an IPv4 address as it is, an IPv6 address by
   * its /64 (one subscriber gets a whole /64, so counting single IPv6 addresses would count nothing),
   * an IPv4-mapped IPv6 address as the IPv4 one.
   */
  public static String bucket(String ip) {
    if (ip == null || !NetUtil.isValidIpV6Address(ip)) {
      return ip;
    }
    byte[] b = NetUtil.createByteArrayFromIpAddressString(ip);
    if (b == null || b.length != 16) {
      return ip;
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    return String.format("%x:%x:%x:%x::/64", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
        ((b[4] & 0xff) << 8) | (b[5] & 0xff), ((b[6] & 0xff) << 8) | (b[7] & 0xff));
  }

  private boolean isTrusted(String ip) {
    if (!literal(ip)) {
      return false;
    }
    InetSocketAddress address = new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(ip), 0);
    return trusted.stream().anyMatch(r -> r.matches(address));
  }

  private static boolean literal(String ip) {
    return NetUtil.isValidIpV4Address(ip) || NetUtil.isValidIpV6Address(ip);
  }
}
