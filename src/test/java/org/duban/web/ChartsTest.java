package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.dashboard.dto.DashboardView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dashboard's charts: bars in proportion, every count written, text escaped, nothing for nothing. */
@Tag("unit")
class ChartsTest {

  static final Map<String, String> AREAS = new LinkedHashMap<>(Map.of("BUSINESS", "营商环境"));
  static final Map<String, String> LIGHTS = Map.of("RED", "红灯", "YELLOW", "黄灯", "GREEN", "绿灯", "CLOSED", "已销号");

  static List<Double> widths(String svg) {
    Matcher m = Pattern.compile("<rect x=\"[0-9.]+\" y=\"\\d+\" width=\"([0-9.]+)\" height=\"24\"").matcher(svg);
    List<Double> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(Double.parseDouble(m.group(1)));
    }
    return out;
  }

  @Test
  void barsAreInProportionToTheCountsAndEachCountIsWritten() {
    Map<String, String> areas = new LinkedHashMap<>();
    areas.put("BUSINESS", "营商环境");
    areas.put("JUSTICE", "执法司法");
    String svg = Charts.areaLights(
        List.of(new DashboardView.AreaLight("BUSINESS", "RED", 2), new DashboardView.AreaLight("BUSINESS", "GREEN", 6),
            new DashboardView.AreaLight("JUSTICE", "GREEN", 4)),
        areas, LIGHTS, "按领域");
    // the longest bar (8) spans the full 420; the others in proportion
    assertThat(widths(svg)).containsExactly(105.0, 315.0, 210.0);
    assertThat(svg).contains("<title>红灯: 2</title>", "<title>绿灯: 6</title>", ">8</text>", ">4</text>", "营商环境", "执法司法");
  }

  @Test
  void anAreaWithNothingDrawsNoBarButStillShowsZero() {
    String svg = Charts.areaLights(List.of(), AREAS, LIGHTS, "按领域");
    assertThat(widths(svg)).isEmpty();
    assertThat(svg).contains(">营商环境</text>", ">0</text>");
  }

  @Test
  void textIsEscaped() {
    Map<String, String> areas = Map.of("BUSINESS", "<script>\"x\"&");
    String svg = Charts.areaLights(List.of(new DashboardView.AreaLight("BUSINESS", "RED", 1)), areas, LIGHTS, "a<b");
    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;&quot;x&quot;&amp;", "a&lt;b");
  }

  @Test
  void theTrendDrawsOneLinePerLightFromFirstDayToLast() {
    LocalDate d1 = LocalDate.of(2021, 6, 1);
    LocalDate d2 = LocalDate.of(2021, 6, 2);
    String svg = Charts.trend(
        List.of(new DashboardView.TrendPoint(d1, "RED", 4), new DashboardView.TrendPoint(d2, "RED", 2), new DashboardView.TrendPoint(d2, "GREEN", 4)),
        LIGHTS, "趋势");
    assertThat(svg.split("<polyline", -1)).hasSize(1 + 4);
    // RED: 4 (the maximum) at the top of the plot on day one, 2 half-way on day two
    assertThat(svg).contains("points=\"40.0,10.0 600.0,100.0\"");
    assertThat(svg).contains(">2021-06-01</text>", ">2021-06-02</text>");
    assertThat(Charts.trend(List.of(), LIGHTS, "趋势")).doesNotContain("<polyline");
  }
}
