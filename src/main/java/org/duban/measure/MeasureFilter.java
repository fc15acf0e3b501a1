package org.duban.measure;

/**
 * The filters of a list of tracked items; null means "any". {@code kind} says which items (measures
 * unless told); {@code region} keeps tasks in that region and below, and measures with a task
 * there; {@code measure} keeps the tasks of one measure.
 */
public record MeasureFilter(
    Area area, String unit, MeasureStatus status, Boolean overdue, String q, org.duban.measure.Light light,
    ItemKind kind, String region, String measure) {

  public MeasureFilter(Area area, String unit, MeasureStatus status, Boolean overdue, String q, org.duban.measure.Light light) {
    this(area, unit, status, overdue, q, light, ItemKind.MEASURE, null, null);
  }

  public static MeasureFilter none() {
    return new MeasureFilter(null, null, null, null, null, null);
  }

  public static MeasureFilter tasks() {
    return new MeasureFilter(null, null, null, null, null, null, ItemKind.TASK, null, null);
  }

  public MeasureFilter withUnit(String unitCode) {
    return new MeasureFilter(area, unitCode, status, overdue, q, light, kind, region, measure);
  }

  public MeasureFilter withRegion(String regionCode) {
    return new MeasureFilter(area, unit, status, overdue, q, light, kind, regionCode, measure);
  }

  public MeasureFilter withMeasure(String measureCode) {
    return new MeasureFilter(area, unit, status, overdue, q, light, kind, region, measureCode);
  }

  public MeasureFilter ofKind(ItemKind k) {
    return new MeasureFilter(area, unit, status, overdue, q, light, k, region, measure);
  }
}
