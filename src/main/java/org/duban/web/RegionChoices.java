package org.duban.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.identity.dto.RegionNode;

/** The region tree flattened for a page, from the top down: a table's rows and a select's options, indented by level. */
final class RegionChoices {
  private RegionChoices() {}

  /** A region on a page: its indented label ("　　370102 历下区") and, for the regions page, its units. */
  record Row(String code, String name, int level, String parent, String label, long units) {
    /** The name behind one ideographic space per level below the top. */
    public String indentedName() {
      return "\u3000".repeat(Math.max(0, level - 1)) + name;
    }
  }

  static List<Row> of(List<RegionNode> tree) {
    return of(tree, Map.of());
  }

  static List<Row> of(List<RegionNode> tree, Map<String, Long> units) {
    List<Row> rows = new ArrayList<>();
    tree.forEach(n -> add(n, units, rows));
    return rows;
  }

  private static void add(RegionNode n, Map<String, Long> units, List<Row> rows) {
    rows.add(new Row(n.code(), n.name(), n.level(), n.parent(), "\u3000".repeat(Math.max(0, n.level() - 1)) + n.code() + " " + n.name(),
        units.getOrDefault(n.code(), 0L)));
    n.children().forEach(c -> add(c, units, rows));
  }
}
