package org.duban.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are calendar dates in TRACKER_ZONE, whatever the JVM's default zone is. */
@ApplicationScoped
public class BusinessCalendar {

  private final Clock clock;
  private final ZoneId zone;

  public BusinessCalendar(Clock clock, TrackerConfig config) {
    this.clock = clock;
    this.zone = config.zone();
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
