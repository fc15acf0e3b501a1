package org.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The walks up a tree that the region import and a unit's line rely on: a region's path, a circle of parents. */
@Tag("unit")
class RegionTreeRulesTest {

  @Test
  void aRegionsPathRunsFromTheTopDownAndACircleHasNone() {
    Map<String, String> parents = new HashMap<>();
    parents.put("370000", null);
    parents.put("370100", "370000");
    parents.put("370102", "370100");
    assertThat(RegionImport.path("370102", parents)).containsExactly("370000", "370100", "370102");
    assertThat(RegionImport.path("370000", parents)).containsExactly("370000");
    parents.put("370184", "370185");
    parents.put("370185", "370184");
    assertThat(RegionImport.path("370184", parents)).isNull();
    // a region under a circle is in it too, as far as a path goes
    parents.put("370186", "370185");
    assertThat(RegionImport.path("370186", parents)).isNull();
  }

  @Test
  void aUnitsLineMayNotRunInACircle() {
    // 省法院 over 济南中院 over 历下区法院
    Map<String, String> lines = new HashMap<>();
    lines.put("fy", null);
    lines.put("jnzy", "fy");
    lines.put("lxqfy", "jnzy");
    assertThat(UnitService.circle("fy", "lxqfy", lines)).isEqualTo("fy");
    assertThat(UnitService.circle("lxqfy", "fy", lines)).isNull();
    assertThat(UnitService.circle("x", "x", lines)).isEqualTo("x");
    assertThat(UnitService.circle("new", "unknown", lines)).isNull();
  }
}
