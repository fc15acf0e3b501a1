package org.duban.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.evidence.EvidenceOwner;
import org.duban.evidence.OwnerKind;
import org.duban.identity.Regions;
import org.duban.measure.ItemKind;
import org.duban.measure.ItemScope;
import org.duban.measure.Measure;
import org.duban.measure.MeasureRepository;
import org.duban.measure.MeasureStatus;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Who may do what with the evidence files of visits, inspections and rectification items, by their
 * own read rules (those who read the record read its files): see each bean.
 */
public final class SupervisionFiles {
  private SupervisionFiles() {}

  /** A visit's files: its readers read them; who recorded it or an office acting on its item attaches; that office publishes. */
  @ApplicationScoped
  public static class Visits implements EvidenceOwner {
    private final SupervisionService service;
    private final MeasureRepository measures;
    private final ItemScope scope;

    public Visits(SupervisionService service, MeasureRepository measures, ItemScope scope) {
      this.service = service;
      this.measures = measures;
      this.scope = scope;
    }

    @Override
    public OwnerKind kind() {
      return OwnerKind.VISIT;
    }

    @Override
    public Ref read(long id, Actor actor) {
      SupervisionSql.Visit v = service.readableVisit(id, actor);
      return new Ref(v.itemId(), "visit " + id + " to " + v.itemCode());
    }

    @Override
    public Ref attach(long id, Actor actor) {
      SupervisionSql.Visit v = service.readableVisit(id, actor);
      if (!v.recordedBy().equals(actor.username()) && !scope.supervises(actor, measures.findById(v.itemId()))) {
        throw ProblemException.forbidden("Only who recorded visit " + id + " or an office that acts on " + v.itemCode() + " may change its files.");
      }
      return new Ref(v.itemId(), "visit " + id + " to " + v.itemCode());
    }

    @Override
    public Ref publish(long id, Actor actor) {
      SupervisionSql.Visit v = service.readableVisit(id, actor);
      scope.requireSupervision(actor, measures.findById(v.itemId()), "publish the files of");
      return new Ref(v.itemId(), "visit " + id + " to " + v.itemCode());
    }
  }

  /** An inspection's files: its readers read them; its group's members or an office of its place attach; that office publishes. */
  @ApplicationScoped
  public static class Inspections implements EvidenceOwner {
    private final SupervisionService service;
    private final SupervisionSql sql;
    private final Regions regions;

    public Inspections(SupervisionService service, SupervisionSql sql, Regions regions) {
      this.service = service;
      this.sql = sql;
      this.regions = regions;
    }

    @Override
    public OwnerKind kind() {
      return OwnerKind.INSPECTION;
    }

    @Override
    public Ref read(long id, Actor actor) {
      service.readableInspection(id, actor);
      return new Ref(null, "inspection " + id);
    }

    @Override
    public Ref attach(long id, Actor actor) {
      SupervisionSql.Inspection i = service.readableInspection(id, actor);
      boolean office = actor.is(Role.OFFICE_) && regions.covers(actor, i.regionCode());
      if (!office && !((actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) && sql.isMember(i.groupId(), actor.username()))) {
        throw ProblemException.forbidden("Only a member of " + i.groupName() + " or an office whose region contains " + i.regionCode()
            + " may change the files of inspection " + id + ".");
      }
      return new Ref(null, "inspection " + id);
    }

    @Override
    public Ref publish(long id, Actor actor) {
      SupervisionSql.Inspection i = service.readableInspection(id, actor);
      if (!(actor.is(Role.OFFICE_) && regions.covers(actor, i.regionCode()))) {
        throw ProblemException.forbidden("Only an office whose region contains " + i.regionCode() + " may publish the files of inspection " + id + ".");
      }
      return new Ref(null, "inspection " + id);
    }
  }

  /** A rectification item's files: its readers read them; its unit's reporters or an office acting on it attach while it is open; that office publishes. */
  @ApplicationScoped
  public static class Rectifications implements EvidenceOwner {
    private final MeasureRepository measures;
    private final ItemScope scope;

    public Rectifications(MeasureRepository measures, ItemScope scope) {
      this.measures = measures;
      this.scope = scope;
    }

    @Override
    public OwnerKind kind() {
      return OwnerKind.RECTIFICATION;
    }

    @Override
    public Ref read(long number, Actor actor) {
      Measure m = readable(number, actor);
      return new Ref(m.id, "rectification item " + m.code);
    }

    @Override
    public Ref attach(long number, Actor actor) {
      Measure m = readable(number, actor);
      boolean own = actor.is(Role.REPORTER_) && m.leadUnit.code.equals(actor.unitCode());
      if (!own && !scope.supervises(actor, m)) {
        throw ProblemException.forbidden("Only the responsible unit of " + m.code + " or an office that acts on it may change its files.");
      }
      if (m.status == MeasureStatus.VERIFIED) {
        throw ProblemException.conflict("Rectification item " + m.code + " is verified and closed: its files no longer change.");
      }
      return new Ref(m.id, "rectification item " + m.code);
    }

    @Override
    public Ref publish(long number, Actor actor) {
      Measure m = readable(number, actor);
      scope.requireSupervision(actor, m, "publish the files of");
      return new Ref(m.id, "rectification item " + m.code);
    }

    private Measure readable(long number, Actor actor) {
      String code = ItemKind.rectificationCode(number);
      Measure m = measures.findByCodeWithUnits(code).orElseThrow(() -> ItemScope.notFound(code));
      return scope.requireRead(actor, m);
    }
  }
}
