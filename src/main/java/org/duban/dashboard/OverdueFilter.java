package org.duban.dashboard;

import org.duban.measure.Area;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;

/**
 * What the overdue report is narrowed and ordered by (the API's and the page's {@code area=},
 * {@code unit=} and {@code sort=}): an area, a unit (lead or co-unit, as the public list's
 * {@code unit=}), and the order of the days overdue. Null means "any"; the default order is the
 * longest overdue first. {@code regionPath} (from {@code region=} and the caller's scope, see
 * {@link RegionScope}) keeps the rows whose region is that one or below.
 */
public record OverdueFilter(Area area, String unit, boolean longestFirst, String regionPath) {

  public static final OverdueFilter ALL = new OverdueFilter(null, null, true, null);

  public OverdueFilter(Area area, String unit, boolean longestFirst) {
    this(area, unit, longestFirst, null);
  }

  /** The same filter, limited to a region and below (its path; null: no region filter). */
  public OverdueFilter within(RegionScope.Scope scope) {
    return new OverdueFilter(area, unit, longestFirst, scope.path());
  }

  /** From query parameters as sent: a bad value is a 400 naming the parameter. */
  public static OverdueFilter of(String area, String unit, String sort) {
    String u = Params.textOf("unit", unit == null ? null : unit.strip(), 32);
    boolean longest;
    if (sort == null || sort.isBlank() || sort.strip().equals("-overdueDays")) {
      longest = true;
    } else if (sort.strip().equals("overdueDays")) {
      longest = false;
    } else {
      throw ProblemException.invalid("sort", "must be -overdueDays (longest overdue first) or overdueDays");
    }
    return new OverdueFilter(Params.enumOf(Area.class, "area", area), u, longest);
  }

  /** The {@code sort=} value of this order. */
  public String sort() {
    return longestFirst ? "-overdueDays" : "overdueDays";
  }
}
