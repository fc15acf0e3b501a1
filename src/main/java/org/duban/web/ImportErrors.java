package org.duban.web;

import org.duban.platform.ProblemException;

/** How an import's refusal reads on a page: each bad row, its column and why. */
final class ImportErrors {
  private ImportErrors() {}

  static String describe(ProblemException e, Lang l) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return StaffView.text(e.getMessage(), l);
    }
    StringBuilder sb = new StringBuilder(StaffView.text(e.getMessage(), l));
    e.errors().forEach(f -> sb.append(" · ").append(f.row() == null ? "" : "#" + f.row() + " ").append(f.column() == null ? f.field() : f.column())
        .append(l.english() ? ": " : "：").append(StaffView.text(f.message(), l)));
    return sb.toString();
  }
}
