package org.duban.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.dashboard.dto.DashboardView;

/** Charts drawn on the server as inline SVG: nothing is fetched from the internet, no script runs. */
final class Charts {

  private Charts() {}

  static final List<String> LIGHTS = List.of("RED", "YELLOW", "GREEN", "CLOSED");
  static final Map<String, String> COLOURS = Map.of("RED", "#c62828", "YELLOW", "#f9a825", "GREEN", "#2e7d32", "CLOSED", "#9e9e9e");

  /** One stacked bar per area: the count of each light, labelled. */
  static String areaLights(List<DashboardView.AreaLight> cells, Map<String, String> areaNames, Map<String, String> lightNames, String title) {
    Map<String, Map<String, Long>> byArea = new LinkedHashMap<>();
    for (String area : areaNames.keySet()) {
      byArea.put(area, new LinkedHashMap<>());
    }
    for (DashboardView.AreaLight c : cells) {
      byArea.computeIfAbsent(c.area(), a -> new LinkedHashMap<>()).merge(c.light(), c.count(), Long::sum);
    }
    long max = byArea.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
    int labelWidth = 150;
    int barWidth = 420;
    int rowHeight = 34;
    int height = byArea.size() * rowHeight + 40;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(labelWidth + barWidth + 60).append(' ').append(height)
        .append("\" class=\"chart\" aria-labelledby=\"chart-area-title\"><title id=\"chart-area-title\">").append(esc(title)).append("</title>");
    int y = 10;
    for (Map.Entry<String, Map<String, Long>> area : byArea.entrySet()) {
      svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" class=\"label\">").append(esc(areaNames.getOrDefault(area.getKey(), area.getKey()))).append("</text>");
      double x = labelWidth;
      long total = 0;
      for (String light : LIGHTS) {
        long n = area.getValue().getOrDefault(light, 0L);
        total += n;
        if (n == 0 || max == 0) {
          continue;
        }
        double w = barWidth * (double) n / max;
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w)).append("\" height=\"24\" fill=\"")
            .append(COLOURS.get(light)).append("\"><title>").append(esc(lightNames.get(light))).append(": ").append(n).append("</title></rect>");
        if (w >= 18) {
          svg.append("<text x=\"").append(fmt(x + w / 2)).append("\" y=\"").append(y + 17).append("\" class=\"count\" text-anchor=\"middle\">").append(n).append("</text>");
        }
        x += w;
      }
      svg.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 17).append("\" class=\"label\">").append(total).append("</text>");
      y += rowHeight;
    }
    legend(svg, y + 4, lightNames);
    return svg.append("</svg>").toString();
  }

  /** A line per light over the days of the daily scans. */
  static String trend(List<DashboardView.TrendPoint> points, Map<String, String> lightNames, String title) {
    TreeMap<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
    for (DashboardView.TrendPoint p : points) {
      byDay.computeIfAbsent(p.day(), d -> new LinkedHashMap<>()).merge(p.light(), p.count(), Long::sum);
    }
    int left = 40;
    int width = 560;
    int plot = 180;
    long max = Math.max(1, byDay.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).max().orElse(1));
    List<LocalDate> days = new ArrayList<>(byDay.keySet());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(left + width + 20).append(' ').append(plot + 60)
        .append("\" class=\"chart\" aria-labelledby=\"chart-trend-title\"><title id=\"chart-trend-title\">").append(esc(title)).append("</title>");
    svg.append("<line x1=\"").append(left).append("\" y1=\"10\" x2=\"").append(left).append("\" y2=\"").append(plot + 10).append("\" class=\"axis\"/>");
    svg.append("<line x1=\"").append(left).append("\" y1=\"").append(plot + 10).append("\" x2=\"").append(left + width).append("\" y2=\"").append(plot + 10).append("\" class=\"axis\"/>");
    svg.append("<text x=\"").append(left - 6).append("\" y=\"16\" text-anchor=\"end\" class=\"label\">").append(max).append("</text>");
    svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(plot + 14).append("\" text-anchor=\"end\" class=\"label\">0</text>");
    if (!days.isEmpty()) {
      svg.append("<text x=\"").append(left).append("\" y=\"").append(plot + 28).append("\" class=\"label\">").append(days.get(0)).append("</text>");
      svg.append("<text x=\"").append(left + width).append("\" y=\"").append(plot + 28).append("\" text-anchor=\"end\" class=\"label\">").append(days.get(days.size() - 1)).append("</text>");
    }
    for (String light : LIGHTS) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < days.size(); i++) {
        double x = left + (days.size() == 1 ? width / 2.0 : width * (double) i / (days.size() - 1));
        double y = 10 + plot - plot * (double) byDay.get(days.get(i)).getOrDefault(light, 0L) / max;
        line.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
      }
      if (!days.isEmpty()) {
        svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(COLOURS.get(light)).append("\" points=\"").append(line)
            .append("\"><title>").append(esc(lightNames.get(light))).append("</title></polyline>");
      }
    }
    legend(svg, plot + 36, lightNames);
    return svg.append("</svg>").toString();
  }

  /**
   * Where each of the 16 cities sits on a rough map of Shandong (column, row of a 7 × 5 grid of
   * tiles, placed by hand from the cities' longitude and latitude: 德州 north-west, 菏泽/聊城 west,
   * 烟台/威海 east, 青岛/日照 south-east, 枣庄 south). No map data is fetched.
   */
  static final Map<String, int[]> CITY_TILES = Map.ofEntries(
      Map.entry("371400", new int[] {1, 0}), Map.entry("371600", new int[] {3, 0}), Map.entry("370500", new int[] {4, 0}),
      Map.entry("370600", new int[] {5, 0}), Map.entry("371000", new int[] {6, 0}),
      Map.entry("371500", new int[] {0, 1}), Map.entry("370100", new int[] {2, 1}), Map.entry("370300", new int[] {3, 1}),
      Map.entry("370700", new int[] {4, 1}),
      Map.entry("370900", new int[] {2, 2}), Map.entry("370200", new int[] {5, 2}),
      Map.entry("371700", new int[] {0, 3}), Map.entry("370800", new int[] {1, 3}), Map.entry("371300", new int[] {3, 3}),
      Map.entry("371100", new int[] {4, 3}),
      Map.entry("370400", new int[] {2, 4}));

  /** Whether the rows are the cities the tile grid knows (the province's view); a city's counties get the table only. */
  static boolean tiled(List<DashboardView.RegionRow> rows) {
    return !rows.isEmpty() && rows.stream().allMatch(r -> CITY_TILES.containsKey(r.code()));
  }

  /**
   * The cities as tiles placed roughly where they lie, each coloured by the worst light present
   * among its tasks (white: no task), each a link ({@code href} + code) whose accessible name is
   * {@code label} of the row (the same numbers as the table beside it).
   */
  static String regionTiles(List<DashboardView.RegionRow> rows, java.util.function.Function<DashboardView.RegionRow, String> label,
      String href, Map<String, String> lightNames, String title, String noTasks, String legendNote) {
    int w = 92;
    int h = 62;
    int gap = 6;
    int width = 7 * (w + gap);
    int gridHeight = 5 * (h + gap);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(gridHeight + 62)
        .append("\" class=\"chart tiles\" id=\"region-tiles\" aria-labelledby=\"chart-tiles-title\"><title id=\"chart-tiles-title\">")
        .append(esc(title)).append("</title>");
    for (DashboardView.RegionRow r : rows) {
      int[] at = CITY_TILES.get(r.code());
      if (at == null) {
        continue;
      }
      int x = at[0] * (w + gap);
      int y = at[1] * (h + gap);
      String light = r.worstLight();
      String fill = light == null ? "#ffffff" : COLOURS.get(light);
      String ink = "RED".equals(light) || "GREEN".equals(light) ? "#ffffff" : "#1b1b1b";
      String name = label.apply(r);
      svg.append("<a href=\"").append(esc(href + r.code())).append("\" class=\"tile\" data-region=\"").append(esc(r.code()))
          .append("\" data-light=\"").append(light == null ? "NONE" : light).append("\" aria-label=\"").append(esc(name)).append("\">")
          .append("<title>").append(esc(name)).append("</title>")
          .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"").append(h)
          .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"#616161\"/>")
          .append("<text x=\"").append(x + w / 2).append("\" y=\"").append(y + 26).append("\" text-anchor=\"middle\" fill=\"").append(ink)
          .append("\" class=\"label\">").append(esc(r.name())).append("</text></a>")
          // the figures outside the link: its visible text is the name, which its accessible name starts with
          .append("<text x=\"").append(x + w / 2).append("\" y=\"").append(y + 47).append("\" text-anchor=\"middle\" fill=\"").append(ink)
          .append("\" class=\"count\" aria-hidden=\"true\">").append(r.tasks() == 0 ? esc(noTasks) : r.red() + "/" + r.yellow() + "/" + r.green() + "/" + r.closed())
          .append("</text>");
    }
    legend(svg, gridHeight + 4, lightNames);
    svg.append("<rect x=\"440\" y=\"").append(gridHeight + 4).append("\" width=\"14\" height=\"14\" fill=\"#ffffff\" stroke=\"#616161\"/>");
    svg.append("<text x=\"460\" y=\"").append(gridHeight + 16).append("\" class=\"label\">").append(esc(noTasks)).append("</text>");
    svg.append("<text x=\"0\" y=\"").append(gridHeight + 40).append("\" class=\"label\">").append(esc(legendNote)).append("</text>");
    return svg.append("</svg>").toString();
  }

  private static void legend(StringBuilder svg, int y, Map<String, String> lightNames) {
    int x = 0;
    for (String light : LIGHTS) {
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"14\" height=\"14\" fill=\"").append(COLOURS.get(light)).append("\"/>");
      svg.append("<text x=\"").append(x + 20).append("\" y=\"").append(y + 12).append("\" class=\"label\">").append(esc(lightNames.get(light))).append("</text>");
      x += 110;
    }
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
