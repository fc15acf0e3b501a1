package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.duban.audit.Journal;
import org.duban.audit.dto.JournalView;
import org.duban.measure.dto.MeasureView;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Reading measures as staff see them: the list with its filters, one measure, its journal. A
 * reporter sees only the measures its unit leads or shares, and a measure it may not see does not
 * exist for it (404, never 403: a code is not confirmed to those who may not read it).
 */
@ApplicationScoped
public class MeasureQueries {

  private final MeasureRepository measures;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final MeasureViews views;
  private final ItemScope scope;
  private final org.duban.identity.Regions regions;

  public MeasureQueries(MeasureRepository measures, Journal journal, BusinessCalendar calendar, MeasureViews views, ItemScope scope,
      org.duban.identity.Regions regions) {
    this.measures = measures;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
    this.scope = scope;
    this.regions = regions;
  }

  @Transactional
  public Page<MeasureView> list(MeasureFilter filter, PageRequest page, Actor actor) {
    MeasureRepository.Found found = search(filter, page, actor);
    return found == null ? new Page<>(List.of(), page.page, page.size, 0)
        : new Page<>(views.many(found.items()), page.page, page.size, found.total());
  }

  /**
   * The items of a filter as the actor may see them (null: none): a reporter's own unit's (for
   * tasks: also its line's), an office's or leader's region and below for tasks. A region filter
   * outside the account's region is a 403, not an empty list that would look like good news.
   */
  public MeasureRepository.Found search(MeasureFilter filter, PageRequest page, Actor actor) {
    MeasureFilter scoped = filter;
    if (filter.region() != null && regions.region(filter.region()).isEmpty()) {
      throw ProblemException.invalid("region", "no region has the code '" + filter.region() + "'");
    }
    if (actor.is(Role.REPORTER_)) {
      if (filter.unit() != null && !filter.unit().equals(actor.unitCode())) {
        return null;
      }
      scoped = filter.withUnit(actor.unitCode());
    } else if ((actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) && filter.kind() == ItemKind.TASK
        && !org.duban.identity.Regions.provincial(actor)) {
      if (filter.region() == null) {
        scoped = filter.withRegion(actor.regionCode());
      } else if (!regions.covers(actor, filter.region())) {
        throw ProblemException.forbidden("Your account sees region " + actor.regionCode() + " and below: region "
            + filter.region() + " is outside it.");
      }
    }
    if (scoped.region() != null) {
      scoped = scoped.withRegion(regions.path(scoped.region()).orElseThrow());
    }
    return measures.search(scoped, calendar.today(), page);
  }

  @Transactional
  public MeasureView get(String code, Actor actor) {
    requireKind(code, ItemKind.MEASURE);
    return views.one(visible(code, actor));
  }

  @Transactional
  public Page<JournalView> journal(String code, PageRequest page, Actor actor) {
    Measure m = visible(code, actor);
    return journal.forMeasure(m.id, page);
  }

  /** The item (measure or task), or 404 when it does not exist or the actor may not see it. */
  public Measure visible(String code, Actor actor) {
    Measure m = measures.findByCodeWithUnits(code).orElseThrow(() -> ItemScope.notFound(code));
    return scope.requireRead(actor, m);
  }

  /** 404 when a code has the other kind's shape (a task's code under /measures, or the reverse). */
  public static void requireKind(String code, ItemKind kind) {
    if (ItemKind.ofCode(code) != kind) {
      throw switch (kind) {
        case TASK -> ProblemException.notFound("There is no task " + code + ".");
        case RECTIFICATION -> ProblemException.notFound("There is no rectification item " + code + ".");
        case MEASURE -> notFound(code);
      };
    }
  }

  /** The one answer for a code that names no measure (or none the caller may see). */
  public static ProblemException notFound(String code) {
    return ProblemException.notFound("There is no measure " + code + ".");
  }
}
