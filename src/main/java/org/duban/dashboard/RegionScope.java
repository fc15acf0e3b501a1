package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.platform.Actor;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;

/**
 * The region a dashboard, report or ledger covers ({@code region=}), within the caller's scope, by
 * the rule of the lists (MeasureQueries.search): an unknown code is a 400; an account with a region
 * is held to it by default, and asking for a region outside it is a 403 (never an empty answer that
 * would look like good news).
 */
@ApplicationScoped
public class RegionScope {

  /**
   * What a view covers: {@code region} the region asked for or imposed (null: the whole province,
   * nothing filtered), {@code path} its path for "this region and below" in SQL (null: no filter).
   */
  public record Scope(Region region, String path) {
    public static final Scope WHOLE = new Scope(null, null);

    /** The region's code, the province's when nothing is filtered. */
    public String code() {
      return region == null ? Regions.PROVINCE : region.code;
    }

    /** Whether the view is narrowed below the province (a city or a county). */
    public boolean local() {
      return region != null && !Regions.PROVINCE.equals(region.code);
    }

    /** The value of {@code region=} that gives this scope again ("" for the whole province). */
    public String param() {
      return region == null ? "" : region.code;
    }
  }

  private final Regions regions;

  public RegionScope(Regions regions) {
    this.regions = regions;
  }

  /** The scope of {@code region=} as sent, for this actor. */
  public Scope of(String region, Actor actor) {
    String code = Params.textOf("region", region == null ? null : region.strip(), 6);
    Region asked = null;
    if (code != null) {
      asked = regions.region(code).orElseThrow(() -> ProblemException.invalid("region", "no region has the code '" + code + "'"));
    }
    if (actor != null && !Regions.provincial(actor)) {
      if (asked == null) {
        asked = regions.region(actor.regionCode()).orElseThrow();
      } else if (!regions.covers(actor, asked.code)) {
        throw ProblemException.forbidden("Your account sees region " + actor.regionCode() + " and below: region "
            + asked.code + " is outside it.");
      }
    }
    return asked == null ? Scope.WHOLE : new Scope(asked, asked.path);
  }
}
