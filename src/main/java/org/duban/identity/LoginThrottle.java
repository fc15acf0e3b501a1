package org.duban.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.platform.ClientAddress;
import org.duban.platform.TrackerConfig;

/**
 * Failed sign-ins per client address over the last 10 minutes (in this instance's memory). Counted
 * the moment a password or code is found wrong; consulted by {@link StaffGate} before any password
 * is checked, so that a flood of guesses costs one map lookup each, not a bcrypt.
 */
@ApplicationScoped
public class LoginThrottle {

  static final Duration WINDOW = Duration.ofMinutes(10);

  private final int max;
  private final Cache<String, AtomicInteger> failures =
      Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(200_000).build();

  public LoginThrottle(TrackerConfig config) {
    this.max = config.login().maxFailuresPerAddress();
  }

  public void failed(String address) {
    if (address != null) {
      failures.get(ClientAddress.bucket(address), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** Whether password sign-ins from this address are refused for now. */
  public boolean blocked(String address) {
    AtomicInteger n = address == null ? null : failures.getIfPresent(ClientAddress.bucket(address));
    return n != null && n.get() >= max;
  }

  public long retryAfterSeconds() {
    return WINDOW.toSeconds();
  }
}
