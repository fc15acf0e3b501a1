package org.duban.measure;

import java.util.List;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.TargetInput;

/**
 * How a measure's milestones and targets read in the journal: one line each, the same for what is
 * stored and for what a request asks, so that an edit that changes nothing writes nothing.
 */
final class JournalTexts {

  private JournalTexts() {}

  static String milestoneText(List<Milestone> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(s -> s.title + " @" + s.dueDate + (s.doneOn != null ? " done " + s.doneOn : "") + note(s.assumption)).toList());
  }

  static String milestoneInputText(List<MilestoneInput> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(s -> s.title().trim() + " @" + s.dueDate() + (s.doneOn() != null ? " done " + s.doneOn() : "") + note(s.assumption())).toList());
  }

  static String targetText(List<Target> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(t -> t.description + " " + plain(t.targetValue) + " " + t.unitLabel + " @" + t.dueDate + " actual " + plain(t.actualValue) + note(t.assumption)).toList());
  }

  static String targetInputText(List<TargetInput> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(t -> t.description().trim() + " " + plain(t.targetValue()) + " " + MeasureEditing.blankToNull(t.unitLabel()) + " @" + t.dueDate() + " actual " + plain(t.actualValue()) + note(t.assumption())).toList());
  }

  static String note(String assumption) {
    return assumption == null || assumption.isBlank() ? "" : " (" + assumption.strip() + ")";
  }

  static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }
}
