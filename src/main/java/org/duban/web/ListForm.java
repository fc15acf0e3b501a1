package org.duban.web;

import io.quarkus.qute.TemplateInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.duban.measure.Area;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureStatus;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.measure.Light;

/**
 * The filter form of a measure list page (staff and public): the values as sent, the filter they
 * make (blank means "any"; a bad value is a 400 naming it), the page asked for, and the query string
 * that keeps the filter across the pager's links.
 */
record ListForm(String area, String light, String status, String overdue, String q, String page) {

  static final int PAGE_SIZE = 50;

  MeasureFilter filter() {
    return new MeasureFilter(
        blank(area) ? null : Params.enumOf(Area.class, "area", area),
        null,
        blank(status) ? null : Params.enumOf(MeasureStatus.class, "status", status),
        blank(overdue) ? null : Params.booleanOf("overdue", overdue),
        blank(q) ? null : Params.textOf("q", q.strip(), 100),
        blank(light) ? null : Params.enumOf(Light.class, "light", light));
  }

  PageRequest pageRequest() {
    try {
      return PageRequest.of(blank(page) ? 0 : Math.max(0, Integer.parseInt(page.strip())), PAGE_SIZE).validated();
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("page", "must be a whole number from 0");
    }
  }

  /** The form's values and the pager for a page of results, as the list templates expect them. */
  TemplateInstance fill(TemplateInstance t, Page<?> found) {
    return Paging.of(t, found).data("found", found)
        .data("areas", Area.values())
        .data("lights", Charts.LIGHTS)
        .data("statuses", MeasureStatus.values())
        .data("area", nz(area))
        .data("light", nz(light))
        .data("status", nz(status))
        .data("overdue", nz(overdue))
        .data("q", nz(q))
        .data("query", query());
  }

  private String query() {
    StringBuilder sb = new StringBuilder();
    String[][] pairs = {{"area", area}, {"light", light}, {"status", status}, {"overdue", overdue}, {"q", q}};
    for (String[] p : pairs) {
      if (!blank(p[1])) {
        sb.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1].strip(), StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
