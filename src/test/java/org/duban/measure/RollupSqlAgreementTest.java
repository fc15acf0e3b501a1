package org.duban.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/**
 * The roll-up rule's two homes agree: {@link Rollup} (Java, one item) and duban_rollup_progress /
 * duban_rollup_actual (SQL, the stored values lists show), on thousands of generated cases — with
 * and without shares, zero and missing shares, halves that round, every aggregation, missing actuals.
 */
@QuarkusTest
class RollupSqlAgreementTest {

  @Test
  void progressAgreesOnEveryGeneratedCase() throws Exception {
    Random random = new Random(20211231);
    List<String> disagreements = new ArrayList<>();
    try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("select duban_rollup_progress(?, ?)")) {
      for (int n = 0; n < 5000; n++) {
        int size = random.nextInt(18);
        List<Integer> progress = new ArrayList<>();
        List<BigDecimal> shares = new ArrayList<>();
        int shape = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          progress.add(random.nextInt(5) == 0 ? 100 : random.nextInt(101));
          shares.add(switch (shape) {
            case 0 -> BigDecimal.valueOf(1 + random.nextInt(500));
            case 1 -> BigDecimal.valueOf(random.nextInt(100000), 2);
            case 2 -> random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(3));
            default -> BigDecimal.valueOf(1 + random.nextInt(3));
          });
        }
        List<BigDecimal> given = random.nextInt(10) == 0 ? null : shares;
        ps.setArray(1, c.createArrayOf("int4", progress.toArray()));
        ps.setArray(2, given == null ? null : c.createArrayOf("numeric", given.toArray()));
        Integer sql;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          sql = (Integer) rs.getObject(1);
        }
        Integer java = Rollup.progress(progress, given);
        if (!Objects.equals(sql, java)) {
          disagreements.add(progress + " / " + given + ": SQL " + sql + ", Java " + java);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void halvesRoundUpInBoth() {
    assertThat(Rollup.progress(List.of(0, 1), null)).isEqualTo(1);
    assertThat(Rollup.progress(List.of(50, 0), List.of(new BigDecimal("280"), new BigDecimal("120")))).isEqualTo(35);
    assertThat(Rollup.progress(List.of(10, 20), List.of(BigDecimal.ZERO, BigDecimal.ONE))).isEqualTo(15);
    assertThat(Db.scalar("select duban_rollup_progress(array[0, 1], null)")).isEqualTo(1);
  }

  @Test
  void actualsAgreeOnEveryGeneratedCase() throws Exception {
    Random random = new Random(1400);
    List<String> disagreements = new ArrayList<>();
    try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("select duban_rollup_actual(?, ?, ?)")) {
      for (int n = 0; n < 5000; n++) {
        Rollup.Aggregation agg = Rollup.Aggregation.values()[random.nextInt(Rollup.Aggregation.values().length)];
        int size = random.nextInt(12);
        List<BigDecimal> actuals = new ArrayList<>();
        List<BigDecimal> targets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          actuals.add(random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(100000), random.nextInt(3)));
          targets.add(random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(2000), random.nextInt(2)));
        }
        ps.setString(1, agg.name());
        Array a = c.createArrayOf("numeric", actuals.toArray());
        Array t = c.createArrayOf("numeric", targets.toArray());
        ps.setArray(2, a);
        ps.setArray(3, t);
        BigDecimal sql;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          sql = rs.getBigDecimal(1);
        }
        BigDecimal java = Rollup.actual(agg, actuals, targets);
        boolean same = sql == null ? java == null : java != null && sql.compareTo(java) == 0;
        if (!same) {
          disagreements.add(agg + " " + actuals + " / " + targets + ": SQL " + sql + ", Java " + java);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }
}
