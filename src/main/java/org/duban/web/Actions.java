package org.duban.web;

import org.duban.platform.Role;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.MeasureView;
import org.duban.platform.Actor;

/**
 * What the signed-in user may do to a measure, in the same terms as the services decide it: a page
 * shows a form only when its action would be allowed, never one the role cannot take.
 */
public record Actions(boolean report, boolean claimDone, boolean review, boolean verify, boolean reopen, boolean postpone, boolean edit) {

  /** Only the office creates measures (POST /api/v1/measures). */
  public static boolean mayCreate(Actor actor) {
    return actor.is(Role.OFFICE_);
  }


  public static Actions of(MeasureView m, Actor actor) {
    boolean office = actor.is(Role.OFFICE_);
    boolean reporter = actor.is(Role.REPORTER_);
    boolean involved = reporter && (m.leadUnit().code().equals(actor.unitCode())
        || m.coUnits().stream().anyMatch(u -> u.code().equals(actor.unitCode())));
    boolean lead = reporter && m.leadUnit().code().equals(actor.unitCode());
    MeasureStatus s = m.status();
    boolean open = s != MeasureStatus.VERIFIED;
    boolean leaf = m.tasks() == null || m.tasks().total() == 0; // a measure with tasks: its tasks take the reports
    return new Actions(
        (office || involved) && open && leaf,
        lead && (s == MeasureStatus.NOT_STARTED || s == MeasureStatus.IN_PROGRESS),
        office && open,
        office && s == MeasureStatus.CLAIMED_DONE,
        office && (s == MeasureStatus.CLAIMED_DONE || s == MeasureStatus.VERIFIED),
        office && open,
        office);
  }

  // tasks-ui (issue 14): a task's forms, by the same rules as the API's (ItemScope, ReportService, MeasureLifecycle)
  /**
   * What the signed-in user may do to a task: the offices whose region contains it ({@code
   * supervises}) review, verify, reopen and postpone; its responsible unit's reporters report (at
   * the lowest level only) and claim it done.
   */
  public static Actions ofTask(org.duban.measure.dto.TaskView t, Actor actor, boolean supervises) {
    boolean office = actor.is(Role.OFFICE_) && supervises;
    boolean unit = actor.is(Role.REPORTER_) && t.unit().code().equals(actor.unitCode());
    boolean leaf = t.tasks() == null || t.tasks().total() == 0;
    MeasureStatus s = t.status();
    boolean open = s != MeasureStatus.VERIFIED;
    return new Actions(
        (office || unit) && open && leaf,
        unit && (s == MeasureStatus.NOT_STARTED || s == MeasureStatus.IN_PROGRESS),
        office && open,
        office && s == MeasureStatus.CLAIMED_DONE,
        office && (s == MeasureStatus.CLAIMED_DONE || s == MeasureStatus.VERIFIED),
        office && open,
        false);
  }

  /** Whether any form of the actions' panel shows (editing is a link to its own page, not in the panel). */
  public boolean any() {
    return report || claimDone || review || verify || reopen || postpone;
  }
}
