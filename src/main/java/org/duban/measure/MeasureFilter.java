package org.duban.measure;

/** The filters of a measure list; null means "any". */
public record MeasureFilter(
    Area area, String unit, MeasureStatus status, Boolean overdue, String q, org.duban.measure.Light light) {

  public static MeasureFilter none() {
    return new MeasureFilter(null, null, null, null, null, null);
  }

  public MeasureFilter withUnit(String unitCode) {
    return new MeasureFilter(area, unitCode, status, overdue, q, light);
  }
}
