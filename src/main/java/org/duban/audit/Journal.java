package org.duban.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.duban.audit.dto.JournalView;
import org.duban.platform.Actor;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;

/**
 * The journal of every change. Entries are written in the caller's transaction, so a change and
 * its record commit or roll back together; the table itself refuses UPDATE and DELETE.
 */
@ApplicationScoped
public class Journal implements PanacheRepository<JournalEntry> {

  private final Clock clock;

  public Journal(Clock clock) {
    this.clock = clock;
  }

  /** Starts a set of entries for one entity, all stamped with the same actor and instant. */
  public Recorder on(Actor actor, Long measureId, String entity, String key) {
    return new Recorder(actor, measureId, entity, key);
  }

  void write(JournalEntry entry) {
    persist(entry);
  }

  public Page<JournalView> forMeasure(long measureId, PageRequest page) {
    var query = find("measureId = ?1 order by id desc", measureId);
    long total = query.count();
    List<JournalView> items =
        query.page(page.page, page.size).list().stream().map(Journal::view).toList();
    return new Page<>(items, page.page, page.size, total);
  }

  static JournalView view(JournalEntry e) {
    return new JournalView(
        e.id, e.entity, e.entityKey, e.action, e.field, e.oldValue, e.newValue, e.actor, e.clientIp,
        e.occurredAt);
  }

  /** Collects the entries of one change. */
  public final class Recorder {
    private final Actor actor;
    private final Long measureId;
    private final String entity;
    private final String key;
    private final java.time.Instant at = clock.instant();
    private int written;

    private Recorder(Actor actor, Long measureId, String entity, String key) {
      this.actor = actor;
      this.measureId = measureId;
      this.entity = entity;
      this.key = key;
    }

    /** Records an action without a field (e.g. CREATE, SUBMIT). */
    public Recorder action(String action, String detail) {
      entry(action, null, null, detail);
      return this;
    }

    /** Records a field change when the value really changed; returns whether it did. */
    public boolean change(String action, String field, Object oldValue, Object newValue) {
      String before = text(oldValue);
      String after = text(newValue);
      if (Objects.equals(before, after)) {
        return false;
      }
      entry(action, field, before, after);
      return true;
    }

    public int written() {
      return written;
    }

    private void entry(String action, String field, String oldValue, String newValue) {
      JournalEntry e = new JournalEntry();
      e.measureId = measureId;
      e.entity = entity;
      e.entityKey = key;
      e.action = action;
      e.field = field;
      e.oldValue = oldValue;
      e.newValue = newValue;
      e.actor = actor.username();
      e.clientIp = actor.clientIp();
      e.occurredAt = at;
      write(e);
      written++;
    }

    private static String text(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof java.util.Collection<?> c) {
        return c.isEmpty() ? null : String.join(", ", c.stream().map(String::valueOf).toList());
      }
      return String.valueOf(value);
    }
  }
}
