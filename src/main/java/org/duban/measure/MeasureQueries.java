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

  public MeasureQueries(MeasureRepository measures, Journal journal, BusinessCalendar calendar, MeasureViews views) {
    this.measures = measures;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
  }

  @Transactional
  public Page<MeasureView> list(MeasureFilter filter, PageRequest page, Actor actor) {
    MeasureFilter scoped = filter;
    if (actor.is(Role.REPORTER_)) {
      if (filter.unit() != null && !filter.unit().equals(actor.unitCode())) {
        return new Page<>(List.of(), page.page, page.size, 0);
      }
      scoped = filter.withUnit(actor.unitCode());
    }
    MeasureRepository.Found found = measures.search(scoped, calendar.today(), page);
    return new Page<>(views.many(found.items()), page.page, page.size, found.total());
  }

  @Transactional
  public MeasureView get(String code, Actor actor) {
    return views.one(visible(code, actor));
  }

  @Transactional
  public Page<JournalView> journal(String code, PageRequest page) {
    Measure m = measures.findByCode(code).orElseThrow(() -> notFound(code));
    return journal.forMeasure(m.id, page);
  }

  /** The measure, or 404 when it does not exist or the actor may not see it. */
  public Measure visible(String code, Actor actor) {
    Measure m = measures.findByCodeWithUnits(code).orElseThrow(() -> notFound(code));
    if (actor.is(Role.REPORTER_) && !m.involves(actor.unitCode())) {
      throw notFound(code);
    }
    return m;
  }

  /** The one answer for a code that names no measure (or none the caller may see). */
  public static ProblemException notFound(String code) {
    return ProblemException.notFound("There is no measure " + code + ".");
  }
}
