package org.duban.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.measure.Measure;
import org.duban.measure.MeasureQueries;
import org.duban.measure.MeasureRepository;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.TargetInput;

/**
 * What the catalogue reads of the measures: the committed deadlines an import must not move, each
 * measure in the file's shape for the export, a measure's version before an update, whether there
 * is a catalogue at all (the demo loads one only into an empty database).
 */
@ApplicationScoped
public class CatalogueMeasures {

  private final MeasureRepository measures;

  public CatalogueMeasures(MeasureRepository measures) {
    this.measures = measures;
  }

  @Transactional
  public boolean any() {
    return measures.count() > 0;
  }

  /** The version (ETag) of a measure that exists. */
  public long versionOf(String code) {
    return measures.findByCode(code).orElseThrow(() -> MeasureQueries.notFound(code)).version;
  }

  /** The committed deadline of each of these codes that exists. */
  public Map<String, LocalDate> committedDeadlines(Collection<String> codes) {
    Map<String, LocalDate> out = new HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    measures.getEntityManager()
        .createQuery("select m.code as code, m.committedDeadline as committed from Measure m where m.code in :codes", jakarta.persistence.Tuple.class)
        .setParameter("codes", codes)
        .getResultList()
        .forEach(r -> out.put(r.get("code", String.class), r.get("committed", LocalDate.class)));
    return out;
  }

  /**
   * Every measure in the shape POST /measures and the catalogue import take (deadline = the
   * committed deadline), by code, read in batches of 200 so that memory stays bounded.
   */
  @Transactional
  public void eachAsRequest(java.util.function.Consumer<CreateMeasureRequest> consumer) {
    String after = "";
    while (true) {
      List<Measure> batch =
          measures.getEntityManager()
              .createQuery("select m from Measure m join fetch m.leadUnit where m.kind = org.duban.measure.ItemKind.MEASURE and m.code > :after order by m.code", Measure.class)
              .setParameter("after", after)
              .setMaxResults(200)
              .getResultList();
      if (batch.isEmpty()) {
        return;
      }
      for (Measure m : batch) {
        consumer.accept(asRequest(m));
      }
      after = batch.get(batch.size() - 1).code;
      measures.getEntityManager().clear();
    }
  }

  private static CreateMeasureRequest asRequest(Measure m) {
    return new CreateMeasureRequest(
        m.code,
        m.area,
        m.title,
        m.summary,
        m.sourceQuote,
        m.leadUnit.code,
        m.coUnits.stream().map(u -> u.code).sorted().toList(),
        m.startDate,
        m.committedDeadline,
        m.milestones.stream()
            .map(x -> new MilestoneInput(x.title, x.dueDate, x.doneOn, x.assumption))
            .toList(),
        m.targets.stream()
            .map(t -> new TargetInput(t.description, t.targetValue, t.unitLabel, t.dueDate, t.actualValue, t.assumption))
            .toList(),
        m.leadUnitInferred,
        List.copyOf(m.assumptions),
        m.notes);
  }
}
