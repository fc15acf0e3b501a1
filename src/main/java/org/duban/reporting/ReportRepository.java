package org.duban.reporting;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.platform.PageRequest;

@ApplicationScoped
public class ReportRepository implements PanacheRepository<ProgressReport> {

  public Optional<ProgressReport> findForUpdate(long id) {
    return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
  }

  public record Found(List<ProgressReport> items, long total) {}

  public Found search(String measureCode, String unitCode, ProgressReport.State state, String regionPath, PageRequest page) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (measureCode != null) {
      where.append(" and r.measure.code = :measure");
      params.put("measure", measureCode);
    }
    if (unitCode != null) {
      where.append(" and r.unitCode = :unit");
      params.put("unit", unitCode);
    }
    if (regionPath != null) {
      where.append(" and (r.measure.kind = org.duban.measure.ItemKind.MEASURE"
          + " or r.measure.regionCode in (select g.code from Region g where g.path like :regionPath))");
      params.put("regionPath", regionPath);
    }
    if (state != null) {
      where.append(" and r.state = :state");
      params.put("state", state);
    }
    String hql = "from ProgressReport r where " + where;
    long total = count(hql, params);
    List<ProgressReport> items =
        find(hql + " order by r.submittedAt desc, r.id desc", params).page(page.page, page.size).list();
    return new Found(items, total);
  }
}
