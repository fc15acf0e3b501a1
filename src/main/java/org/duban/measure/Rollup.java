package org.duban.measure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The roll-up rule (汇总), published at /api/v1/public/rules. Its SQL twins are
 * {@code duban_rollup_progress} and {@code duban_rollup_actual} (R__rules.sql), used by the writes
 * that keep a parent's stored progress and by lists; this class answers for one item, and
 * RollupSqlAgreementTest proves the two agree.
 *
 * <ul>
 *   <li>A parent's progress is the mean of its direct children's progress, weighted by each child's
 *       share of the parent's primary target (its first target with a value) when every child has a
 *       positive share, else equally; rounded half up, computed exactly.
 *   <li>A target's actual is the aggregate of the same target of the direct children: the sum, the
 *       mean (to 0.01, half up), the maximum, the minimum, or the coverage (how many children met
 *       their own target value, or reached 1 when they have none).
 * </ul>
 */
public final class Rollup {

  /** How a target's actual is made from its children's. */
  public enum Aggregation {
    SUM,
    MEAN,
    MAX,
    MIN,
    COVERAGE
  }

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Rollup() {}

  /** The parent's progress, or null when it has no children. {@code shares} may be null. */
  public static Integer progress(List<Integer> progress, List<BigDecimal> shares) {
    if (progress == null || progress.isEmpty()) {
      return null;
    }
    boolean weighted = shares != null && shares.size() == progress.size()
        && shares.stream().allMatch(s -> s != null && s.signum() > 0);
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ZERO;
    for (int i = 0; i < progress.size(); i++) {
      BigDecimal w = weighted ? shares.get(i) : BigDecimal.ONE;
      num = num.add(BigDecimal.valueOf(progress.get(i)).multiply(w));
      den = den.add(w);
    }
    // half up, exactly: the integer part of (2 * num + den) / (2 * den)
    return num.multiply(TWO).add(den).divideToIntegralValue(den.multiply(TWO)).intValueExact();
  }

  /** A target's actual from its children's actuals and target values (lists of one length). */
  public static BigDecimal actual(Aggregation aggregation, List<BigDecimal> actuals, List<BigDecimal> targets) {
    List<BigDecimal> present = actuals.stream().filter(Objects::nonNull).toList();
    return switch (aggregation) {
      case SUM -> present.isEmpty() ? null : present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      case MEAN -> {
        if (present.isEmpty()) {
          yield null;
        }
        BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(present.size());
        BigDecimal hundredths = sum.movePointRight(2).multiply(TWO).add(n)
            .divideToIntegralValue(n.multiply(TWO));
        yield new BigDecimal(hundredths.toBigInteger(), 2);
      }
      case MAX -> present.stream().max(BigDecimal::compareTo).orElse(null);
      case MIN -> present.stream().min(BigDecimal::compareTo).orElse(null);
      case COVERAGE -> {
        if (actuals.isEmpty()) {
          yield null;
        }
        long met = 0;
        for (int i = 0; i < actuals.size(); i++) {
          BigDecimal a = actuals.get(i);
          BigDecimal t = targets == null || targets.get(i) == null ? BigDecimal.ONE : targets.get(i);
          if (a != null && a.compareTo(t) >= 0) {
            met++;
          }
        }
        yield new BigDecimal(BigInteger.valueOf(met));
      }
    };
  }

  /** The rule in words, for /api/v1/public/rules. */
  public static final String TEXT_ZH =
      "有分解任务的事项，其进度取直接下级任务进度的加权平均（权重为各任务承担的首个量化指标份额；任一任务无份额时等权），四舍五入取整；"
          + "各量化指标的完成值按指标的汇总方式由下级任务汇总：求和、平均（保留两位小数）、最大、最小，或覆盖（达到自身目标值的下级任务个数）。";
  public static final String TEXT_EN =
      "A measure with tasks takes the mean progress of its direct child tasks, weighted by each task's share of the first"
          + " quantified target (equally when a task has no share), rounded half up; each target's actual is its child tasks'"
          + " actuals aggregated by the target's rule: sum, mean (to 0.01), maximum, minimum, or coverage (how many child tasks"
          + " met their own target value).";
}
