package org.duban.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.evidence.EvidenceStore;
import org.duban.evidence.OwnerKind;
import org.duban.evidence.dto.FileView;
import org.duban.platform.Actor;
import org.duban.reporting.dto.ReportView;

/** The evidence files of the reports a page lists, and which reports the reader may attach to. */
@ApplicationScoped
public class ReportEvidence {

  private final EvidenceStore store;

  public ReportEvidence(EvidenceStore store) {
    this.store = store;
  }

  /** Files by report id, for the reports the page shows (the reader reads them all). */
  public Map<Long, List<FileView>> files(List<ReportView> reports, Actor actor) {
    Map<Long, List<FileView>> files = new LinkedHashMap<>();
    for (ReportView r : reports) {
      try {
        files.put(r.id(), store.list(OwnerKind.REPORT, r.id(), actor));
      } catch (org.duban.platform.ProblemException unreadable) {
        files.put(r.id(), List.of()); // the page lists only what its reader reads; never fail the page for it
      }
    }
    return files;
  }

  /** The reports the reader may attach a file to, by the reports' own rule. */
  public Set<Long> attachable(List<ReportView> reports, Actor actor) {
    Set<Long> ids = new HashSet<>();
    for (ReportView r : reports) {
      if (r.state() == org.duban.reporting.ProgressReport.State.PENDING && store.mayAttach(OwnerKind.REPORT, r.id(), actor)) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  public int maxMb() {
    return (int) (store.maxBytes() / (1024 * 1024));
  }
}
