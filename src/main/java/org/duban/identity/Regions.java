package org.duban.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.duban.platform.Actor;

/**
 * The region tree, read from the database on each question (it is small, and an import on another
 * instance must count at once). Scope by region (块) is decided here: an account without a region,
 * or with the province's, sees the whole province; one with a city's sees that city and below.
 */
@ApplicationScoped
public class Regions implements PanacheRepositoryBase<Region, String> {

  /** The province: every unit and measure sits here unless it says otherwise. */
  public static final String PROVINCE = "370000";

  public Optional<Region> region(String code) {
    return code == null ? Optional.empty() : findByIdOptional(code);
  }

  /** Whether {@code outer} is {@code inner} or contains it (false when either is unknown). */
  public boolean contains(String outer, String inner) {
    if (outer == null || inner == null) {
      return false;
    }
    if (outer.equals(inner)) {
      return true;
    }
    List<Region> both = list("code in ?1", List.of(outer, inner));
    Region o = both.stream().filter(r -> r.code.equals(outer)).findFirst().orElse(null);
    Region i = both.stream().filter(r -> r.code.equals(inner)).findFirst().orElse(null);
    return o != null && i != null && o.contains(i);
  }

  /** The region an actor's scope covers: its account's region, or the province when it has none. */
  public static String scopeOf(Actor actor) {
    return actor.regionCode() == null ? PROVINCE : actor.regionCode();
  }

  /** Whether the actor's scope covers the whole province. */
  public static boolean provincial(Actor actor) {
    return actor.regionCode() == null || PROVINCE.equals(actor.regionCode());
  }

  /** Whether the actor's region is {@code region} or contains it. */
  public boolean covers(Actor actor, String region) {
    return provincial(actor) || contains(actor.regionCode(), region);
  }

  /** The path of a region, for "this region and below" filters in SQL (path like :path || '%'). */
  public Optional<String> path(String code) {
    return region(code).map(r -> r.path);
  }

  public List<Region> all() {
    return list("order by path");
  }
}
