package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.duban.measure.MeasureQueries;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.scan.dto.NoticeView;

/** The office's view of the notice outbox: what was queued, sent, failed, per measure. */
@ApplicationScoped
public class NoticeService {

  private final EntityManager em;
  private final NoticeDispatcher dispatcher;

  public NoticeService(EntityManager em, NoticeDispatcher dispatcher) {
    this.em = em;
    this.dispatcher = dispatcher;
  }

  @Transactional
  public Page<NoticeView> list(String measureCode, String state, PageRequest page) {
    if (measureCode != null
        && ((Number) em.createNativeQuery("select count(*) from measure where code = ?1").setParameter(1, measureCode).getSingleResult()).longValue() == 0) {
      throw MeasureQueries.notFound(measureCode);
    }
    String where = " where (cast(?1 as varchar) is null or m.code = ?1) and (cast(?2 as varchar) is null or n.state = ?2)";
    long total =
        ((Number) em.createNativeQuery("select count(*) from notice n join measure m on m.id = n.measure_id" + where)
                .setParameter(1, measureCode).setParameter(2, state).getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select n.id, m.code, n.level, n.occasion, n.recipient, n.subject, n.state, n.channel, n.attempts,"
                    + " n.last_error, n.created_at, n.sent_at from notice n join measure m on m.id = n.measure_id" + where
                    + " order by n.id desc limit ?3 offset ?4")
            .setParameter(1, measureCode)
            .setParameter(2, state)
            .setParameter(3, page.size)
            .setParameter(4, page.offset())
            .getResultList();
    List<NoticeView> items = new ArrayList<>();
    for (Object[] r : rows) {
      items.add(
          new NoticeView(
              ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
              (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (String) r[9], org.duban.platform.SqlValues.instant(r[10]),
              org.duban.platform.SqlValues.instant(r[11])));
    }
    return new Page<>(items, page.page, page.size, total);
  }

  public void retry(long id) {
    if (!dispatcher.retry(id)) {
      throw ProblemException.conflict("Notice " + id + " does not exist or is not FAILED.");
    }
    dispatcher.deliverDue();
  }
}
