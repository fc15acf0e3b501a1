package org.duban.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/** The one source of business "now": fixed by TRACKER_CLOCK_FIXED, otherwise the system clock; and real time for security ({@link WallClock}). */
@ApplicationScoped
public class ClockProducer {

  private final TrackerConfig config;

  public ClockProducer(TrackerConfig config) {
    this.config = config;
  }

  @Produces
  @Singleton
  Clock clock() {
    return config
        .clockFixed()
        .map(instant -> Clock.fixed(instant, ZoneOffset.UTC))
        .orElseGet(Clock::systemUTC);
  }

  /** Real time for security decisions (see {@link WallClock}). */
  @Produces
  @Singleton
  @WallClock
  Clock wallClock() {
    return Clock.systemUTC();
  }
}
