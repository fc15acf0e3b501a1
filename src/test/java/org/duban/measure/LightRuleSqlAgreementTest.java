package org.duban.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.measure.MeasureStatus;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** LightRule (Java, used on reads) and duban_light/duban_overdue (SQL, used by the scan) agree. */
@QuarkusTest
class LightRuleSqlAgreementTest {

  final LightRule rule = new LightRule(15, 25);

  @Test
  void theTwoRulesGiveTheSameAnswerOnEveryCase() throws Exception {
    LocalDate start = LocalDate.of(2021, 5, 14);
    LocalDate deadline = LocalDate.of(2021, 12, 31);
    List<String> disagreements = new ArrayList<>();
    int cases = 0;
    try (Connection c = Db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select duban_light(?, ?, ?, ?, ?, ?, ?, 15, 25), duban_overdue(?, ?, ?, ?)")) {
      for (MeasureStatus status : MeasureStatus.values()) {
        for (int progress : new int[] {0, 20, 50, 75, 96, 100}) {
          for (LocalDate claimed : new LocalDate[] {null, deadline.minusDays(1), deadline, deadline.plusDays(1)}) {
            for (boolean missed : new boolean[] {false, true}) {
              for (int offset : new int[] {-230, -100, -16, -15, -14, -1, 0, 1, 2, 31, 400}) {
                LocalDate today = deadline.plusDays(offset);
                LightRule.Facts facts = new LightRule.Facts(status, progress, start, deadline, claimed, missed);
                ps.setString(1, status.name());
                ps.setInt(2, progress);
                ps.setObject(3, start);
                ps.setObject(4, deadline);
                ps.setObject(5, claimed);
                ps.setBoolean(6, missed);
                ps.setObject(7, today);
                ps.setString(8, status.name());
                ps.setObject(9, deadline);
                ps.setObject(10, claimed);
                ps.setObject(11, today);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  String sqlLight = rs.getString(1);
                  boolean sqlOverdue = rs.getBoolean(2);
                  if (!sqlLight.equals(rule.light(facts, today).name()) || sqlOverdue != rule.overdue(facts, today)) {
                    disagreements.add(facts + " on " + today + ": SQL " + sqlLight + "/" + sqlOverdue
                        + ", Java " + rule.light(facts, today) + "/" + rule.overdue(facts, today));
                  }
                }
                cases++;
              }
            }
          }
        }
      }
    }
    assertThat(cases).isGreaterThan(2000);
    assertThat(disagreements).isEmpty();
  }

  /**
   * The lag test on its edges: windows of 100 and 7 days, every elapsed day and every progress, so
   * that elapsed share x 100 - progress lands exactly on the lag points many times (7/100 x 100 is
   * more than 7 in a double: both rules decide it in integers).
   */
  @Test
  void theLagEdgeIsDecidedExactlyByBoth() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int cases = 0;
    int exact = 0;
    try (Connection c = Db.connect();
        PreparedStatement ps = c.prepareStatement("select duban_light('IN_PROGRESS', ?, ?, ?, null, false, ?, 0, 25)")) {
      LightRule noNear = new LightRule(0, 25);
      LocalDate start = LocalDate.of(2021, 1, 1);
      for (int window : new int[] {100, 7}) {
        LocalDate deadline = start.plusDays(window);
        for (int elapsed = -1; elapsed < window; elapsed++) {
          LocalDate today = start.plusDays(elapsed);
          for (int progress = 0; progress <= 100; progress++) {
            LightRule.Facts facts = new LightRule.Facts(MeasureStatus.IN_PROGRESS, progress, start, deadline, null, false);
            ps.setInt(1, progress);
            ps.setObject(2, start);
            ps.setObject(3, deadline);
            ps.setObject(4, today);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              String sqlLight = rs.getString(1);
              String javaLight = noNear.light(facts, today).name();
              if (!sqlLight.equals(javaLight)) {
                disagreements.add(facts + " on " + today + ": SQL " + sqlLight + ", Java " + javaLight);
              }
            }
            if (elapsed >= 0 && 100L * elapsed == (25L + progress) * window) {
              exact++;
            }
            cases++;
          }
        }
      }
    }
    assertThat(exact).as("cases exactly on the lag edge").isGreaterThan(50);
    assertThat(disagreements).isEmpty();
  }
}
