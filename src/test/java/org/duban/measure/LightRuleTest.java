package org.duban.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.duban.measure.MeasureStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The overdue rule at its boundary, in Asia/Shanghai, whatever the JVM's zone (UTC in the build). */
@Tag("unit")
class LightRuleTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final LightRule rule = new LightRule(15, 25);
  final LightRule.Facts dueNewYearsEve =
      new LightRule.Facts(MeasureStatus.IN_PROGRESS, 100, LocalDate.of(2021, 5, 14), LocalDate.of(2021, 12, 31), null);

  static LocalDate todayAt(String instant) {
    return LocalDate.ofInstant(Clock.fixed(Instant.parse(instant), SHANGHAI).instant(), SHANGHAI);
  }

  @Test
  void notOverdueUntilMidnightShanghaiAfterTheDeadline() {
    // 2021-12-31 23:59:59 in Shanghai is 15:59:59 UTC
    LocalDate lastSecond = todayAt("2021-12-31T15:59:59Z");
    assertThat(rule.overdue(dueNewYearsEve, lastSecond)).isFalse();
    // 2022-01-01 00:00:00 in Shanghai is 16:00:00 UTC, still 31 December in UTC
    LocalDate firstSecond = todayAt("2021-12-31T16:00:00Z");
    assertThat(firstSecond).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(rule.overdue(dueNewYearsEve, firstSecond)).isTrue();
    assertThat(rule.overdueDays(dueNewYearsEve, firstSecond)).isEqualTo(1);
    assertThat(rule.light(dueNewYearsEve, firstSecond)).isEqualTo(Light.RED);
  }

  @Test
  void aClaimOnOrBeforeTheDeadlineIsNeverOverdueALateOneIs() {
    var onTime = new LightRule.Facts(MeasureStatus.CLAIMED_DONE, 100, LocalDate.of(2021, 5, 14), LocalDate.of(2021, 12, 31), LocalDate.of(2021, 12, 31));
    var late = new LightRule.Facts(MeasureStatus.CLAIMED_DONE, 100, LocalDate.of(2021, 5, 14), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 3));
    assertThat(rule.overdue(onTime, LocalDate.of(2022, 2, 1))).isFalse();
    assertThat(rule.light(onTime, LocalDate.of(2022, 2, 1))).isEqualTo(Light.GREEN);
    assertThat(rule.overdue(late, LocalDate.of(2022, 2, 1))).isTrue();
    assertThat(rule.overdueDays(late, LocalDate.of(2022, 2, 1))).isEqualTo(32);
  }

  @Test
  void yellowNearTheDeadlineOrWhenProgressLagsTime() {
    var ahead = new LightRule.Facts(MeasureStatus.IN_PROGRESS, 96, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), null);
    assertThat(rule.light(ahead, LocalDate.of(2021, 12, 15))).isEqualTo(Light.GREEN); // 16 days left
    assertThat(rule.light(ahead, LocalDate.of(2021, 12, 16))).isEqualTo(Light.YELLOW); // 15 days left
    var lagging = new LightRule.Facts(MeasureStatus.IN_PROGRESS, 20, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), null);
    assertThat(rule.light(lagging, LocalDate.of(2021, 3, 1))).isEqualTo(Light.GREEN); // 16% of time gone
    assertThat(rule.lag(lagging, LocalDate.of(2021, 7, 2))).isGreaterThan(25);
    assertThat(rule.light(lagging, LocalDate.of(2021, 7, 2))).isEqualTo(Light.YELLOW);
  }

  @Test
  void verifiedMeasuresAreClosedNotLit() {
    var verified = new LightRule.Facts(MeasureStatus.VERIFIED, 100, LocalDate.of(2021, 5, 14), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 3, 1));
    assertThat(rule.light(verified, LocalDate.of(2023, 1, 1))).isEqualTo(Light.CLOSED);
    assertThat(rule.overdue(verified, LocalDate.of(2023, 1, 1))).isFalse();
  }
}
