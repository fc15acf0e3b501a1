package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.measure.MeasureQueries;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.scan.dto.NoticeView;

/** The office's view of the notice outbox: what was queued, sent, failed, per measure. */
@ApplicationScoped
public class NoticeService {

  private final NoticeSql sql;
  private final NoticeDispatcher dispatcher;

  public NoticeService(NoticeSql sql, NoticeDispatcher dispatcher) {
    this.sql = sql;
    this.dispatcher = dispatcher;
  }

  @Transactional
  public Page<NoticeView> list(String measureCode, String state, PageRequest page) {
    if (measureCode != null && !sql.measureExists(measureCode)) {
      throw MeasureQueries.notFound(measureCode);
    }
    long total = sql.count(measureCode, state);
    return new Page<>(sql.list(measureCode, state, page.size, page.offset()), page.page, page.size, total);
  }

  public void retry(long id) {
    if (!dispatcher.retry(id)) {
      throw ProblemException.conflict("Notice " + id + " does not exist or is not FAILED.");
    }
    dispatcher.deliverDue();
  }
}
