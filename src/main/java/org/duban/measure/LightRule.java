package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.duban.platform.TrackerConfig;

/**
 * The overdue and warning-light rule. A measure with current deadline D is overdue from D+1 00:00 in
 * TRACKER_ZONE unless it was claimed done on or before D; RED when overdue; YELLOW when the deadline
 * is near and it is not claimed done, or progress lags the elapsed share of its time window, or the
 * lead unit missed the last reporting window; GREEN otherwise; verified measures are CLOSED. The
 * SQL functions duban_overdue and duban_light (V2 migration) are its twins.
 */
@ApplicationScoped
public class LightRule {

  private final int nearDeadlineDays;
  private final int lagPoints;

  @Inject
  public LightRule(TrackerConfig config) {
    this(config.light().nearDeadlineDays(), config.light().lagPoints());
  }

  LightRule(int nearDeadlineDays, int lagPoints) {
    this.nearDeadlineDays = nearDeadlineDays;
    this.lagPoints = lagPoints;
  }

  /** The facts the rule looks at. */
  public record Facts(
      MeasureStatus status,
      int progress,
      LocalDate startDate,
      LocalDate deadline,
      LocalDate claimedDoneOn,
      boolean reportingMissed) {

    public Facts(MeasureStatus status, int progress, LocalDate startDate, LocalDate deadline, LocalDate claimedDoneOn) {
      this(status, progress, startDate, deadline, claimedDoneOn, false);
    }
  }

  public boolean overdue(Facts m, LocalDate today) {
    if (m.status() == MeasureStatus.VERIFIED) {
      return false;
    }
    if (m.claimedDoneOn() != null && !m.claimedDoneOn().isAfter(m.deadline())) {
      return false;
    }
    return today.isAfter(m.deadline());
  }

  public long overdueDays(Facts m, LocalDate today) {
    return overdue(m, today) ? ChronoUnit.DAYS.between(m.deadline(), today) : 0;
  }

  public Light light(Facts m, LocalDate today) {
    if (m.status() == MeasureStatus.VERIFIED) {
      return Light.CLOSED;
    }
    if (overdue(m, today)) {
      return Light.RED;
    }
    if (m.status() == MeasureStatus.CLAIMED_DONE) {
      return Light.GREEN;
    }
    long daysLeft = ChronoUnit.DAYS.between(today, m.deadline());
    if (daysLeft <= nearDeadlineDays) {
      return Light.YELLOW;
    }
    if (lags(m, today)) {
      return Light.YELLOW;
    }
    if (m.reportingMissed()) {
      return Light.YELLOW;
    }
    return Light.GREEN;
  }

  /**
   * Whether progress trails the elapsed share of [start date, deadline] by more than the lag points:
   * share x 100 - progress > lag, multiplied out by the window's length so that it is decided in
   * integers, exactly as duban_light decides it (a double would call 7/100 x 100 more than 7).
   */
  boolean lags(Facts m, LocalDate today) {
    long window = ChronoUnit.DAYS.between(m.startDate(), m.deadline());
    if (window <= 0) {
      return false;
    }
    long elapsed = Math.max(0, Math.min(window, ChronoUnit.DAYS.between(m.startDate(), today)));
    return 100 * elapsed > (lagPoints + (long) m.progress()) * window;
  }

  /** Points by which progress trails the elapsed share of [start date, deadline]. */
  public double lag(Facts m, LocalDate today) {
    long window = ChronoUnit.DAYS.between(m.startDate(), m.deadline());
    if (window <= 0) {
      return 0;
    }
    long elapsed = ChronoUnit.DAYS.between(m.startDate(), today);
    double share = Math.max(0, Math.min(1, (double) elapsed / window));
    return share * 100 - m.progress();
  }

  public int nearDeadlineDays() {
    return nearDeadlineDays;
  }

  public int lagPoints() {
    return lagPoints;
  }
}
