package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.identity.dto.RegionNode;
import org.duban.identity.dto.RegionView;
import org.duban.platform.ProblemException;

/** The region tree as clients read it: the whole tree, one region with its subtree and ancestors, units per region. */
@ApplicationScoped
public class RegionService {

  private final Regions regions;
  private final UnitRepository units;

  public RegionService(Regions regions, UnitRepository units) {
    this.regions = regions;
    this.units = units;
  }

  /** The top regions (the province), each with its children, nested. */
  @Transactional
  public List<RegionNode> tree() {
    List<Region> all = regions.all();
    Map<String, List<Region>> below = children(all);
    return all.stream().filter(r -> r.parentCode == null).map(r -> node(r, below)).toList();
  }

  /** One region with its subtree and the codes above it from the top down; 404 when there is none. */
  @Transactional
  public RegionView region(String code) {
    Region r = regions.region(code).orElseThrow(() -> ProblemException.notFound("There is no region " + code + "."));
    Map<String, List<Region>> below = children(regions.list("path like ?1 order by path", r.path + "%"));
    List<String> ancestors = new ArrayList<>(Arrays.asList(r.path.split("/")));
    ancestors.remove(ancestors.size() - 1);
    return new RegionView(r.code, r.name, r.level, r.parentCode, ancestors, node(r, below).children());
  }

  /** Every region, from the top down (a parent before its children, siblings by code). */
  @Transactional
  public List<Region> ordered() {
    return regions.all();
  }

  /** How many units sit in each region (its own, not those below it). */
  @Transactional
  public Map<String, Long> unitCounts() {
    Map<String, Long> counts = new HashMap<>();
    units.getEntityManager()
        .createQuery("select u.regionCode as region, count(u) as n from Unit u group by u.regionCode", jakarta.persistence.Tuple.class)
        .getResultList()
        .forEach(t -> counts.put(t.get("region", String.class), t.get("n", Long.class)));
    return counts;
  }

  private static Map<String, List<Region>> children(List<Region> ordered) {
    Map<String, List<Region>> below = new LinkedHashMap<>();
    ordered.forEach(r -> {
      if (r.parentCode != null) {
        below.computeIfAbsent(r.parentCode, k -> new ArrayList<>()).add(r);
      }
    });
    return below;
  }

  private static RegionNode node(Region r, Map<String, List<Region>> below) {
    List<RegionNode> kids = below.getOrDefault(r.code, List.of()).stream().map(c -> node(c, below)).toList();
    return new RegionNode(r.code, r.name, r.level, r.parentCode, kids);
  }
}
