package org.duban.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.measure.ItemScope;
import org.duban.measure.Measure;
import org.duban.platform.Actor;
import org.duban.platform.Role;

/** A rectification item is read, besides by ItemScope's rule, by the members of its inspecting group and the contact leaders of what it concerns. */
@ApplicationScoped
public class GroupReaders implements ItemScope.ExtraReaders {

  private final SupervisionSql sql;

  public GroupReaders(SupervisionSql sql) {
    this.sql = sql;
  }

  @Override
  public boolean reads(Actor actor, Measure m) {
    return m.isRectification() && (actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) && sql.readsAsGroupOrLeader(m.id, actor.username());
  }
}
