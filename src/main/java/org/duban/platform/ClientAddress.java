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
