package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.identity.Regions;
import org.duban.measure.MeasureQueries;
import org.duban.platform.Actor;
import org.duban.platform.Params;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.scan.dto.NoticeView;

/** The office's view of the notice outbox: what was queued, sent, failed, per measure. */
@ApplicationScoped
public class NoticeService {

  private final NoticeSql sql;
  private final NoticeDispatcher dispatcher;
  private final Regions regions;
  private final MeasureQueries items;
  private final org.duban.measure.ItemScope scope;
  private final org.duban.measure.MeasureRepository measures;

  public NoticeService(NoticeSql sql, NoticeDispatcher dispatcher, Regions regions, MeasureQueries items, org.duban.measure.ItemScope scope,
      org.duban.measure.MeasureRepository measures) {
    this.sql = sql;
    this.dispatcher = dispatcher;
    this.regions = regions;
    this.items = items;
    this.scope = scope;
    this.measures = measures;
  }

  /** The notices of one item the actor may read (404 otherwise), within the actor's region. */
  @Transactional
  public Page<NoticeView> ofItem(String code, PageRequest page, Actor actor) {
    items.visible(code, actor);
    return list(code, null, null, null, page, actor);
  }

  @Transactional
  public Page<NoticeView> list(String measureCode, String state, String region, PageRequest page, Actor actor) {
    return list(measureCode, state, region, null, page, actor);
  }

  /**
   * The notices of the items in {@code region} and below, within the actor's scope (the rule of the
   * lists): an unknown region is a 400; an account with a region sees it by default, and a region
   * outside it is a 403. {@code digest}: only the items of that leadership digest (an unknown one
   * lists none).
   */
  @Transactional
  public Page<NoticeView> list(String measureCode, String state, String region, Long digest, PageRequest page, Actor actor) {
    String path = regionPath(region, actor);
    if (measureCode != null && !sql.measureExists(measureCode)) {
      throw MeasureQueries.notFound(measureCode);
    }
    long total = sql.count(measureCode, state, path, digest);
    return new Page<>(sql.list(measureCode, state, path, digest, page.size, page.offset()), page.page, page.size, total);
  }

  private String regionPath(String region, Actor actor) {
    String code = Params.textOf("region", region == null ? null : region.strip(), 6);
    if (code != null && regions.region(code).isEmpty()) {
      throw ProblemException.invalid("region", "no region has the code '" + code + "'");
    }
    if (actor != null && !Regions.provincial(actor)) {
      if (code == null) {
        code = actor.regionCode();
      } else if (!regions.covers(actor, code)) {
        throw ProblemException.forbidden("Your account sees region " + actor.regionCode() + " and below: region "
            + code + " is outside it.");
      }
    }
    return code == null ? null : regions.path(code).orElseThrow();
  }

  /**
   * Queues a FAILED notice again: only for an office that acts on its item (a notice of another
   * region's item answers as one that does not exist). A leadership digest is the one message of
   * its items: retrying it, or any of its items, queues the digest again, for an office of the
   * whole province.
   */
  public void retry(long id, Actor actor) {
    NoticeSql.Target target = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
      NoticeSql.Target t = sql.retryTarget(id);
      boolean mine = t != null && (t.item() == null
          ? Regions.provincial(actor)
          : measures.findByIdOptional(t.item()).map(m -> scope.supervises(actor, m)).orElse(false));
      return mine ? t : null;
    });
    if (target == null || !dispatcher.retry(target.id())) {
      throw ProblemException.conflict("Notice " + id + " does not exist or is not FAILED.");
    }
    dispatcher.deliverDue();
  }
}
