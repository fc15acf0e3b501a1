package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A unit's line (条): the units below it by their parent, e.g. the provincial court over the city
 * courts over the county courts. Accounts of a unit read the tasks of the units in its line, and
 * accept no report for them.
 */
@ApplicationScoped
public class UnitLines {

  private final EntityManager em;

  public UnitLines(EntityManager em) {
    this.em = em;
  }

  /** The unit and every unit below it in its line (an empty set for null). */
  @SuppressWarnings("unchecked")
  public Set<String> lineOf(String unitCode) {
    if (unitCode == null) {
      return Set.of();
    }
    List<String> codes =
        em.createNativeQuery(
                "with recursive line(code) as (select code from unit where code = ?1"
                    + " union select u.code from unit u join line l on u.parent_code = l.code) select code from line")
            .setParameter(1, unitCode)
            .getResultList();
    return new HashSet<>(codes);
  }

  /** Whether {@code unitCode} is {@code upper} or below it in its line. */
  public boolean inLineOf(String upper, String unitCode) {
    if (upper == null || unitCode == null) {
      return false;
    }
    return upper.equals(unitCode) || lineOf(upper).contains(unitCode);
  }
}
