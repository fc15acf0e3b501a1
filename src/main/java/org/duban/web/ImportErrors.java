package org.duban.web;

import org.duban.platform.ProblemException;

/** How an import's refusal reads on a page: each bad row, its column and why. */
final class ImportErrors {
  private ImportErrors() {}

  static String describe(ProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.getMessage();
    }
    StringBuilder sb = new StringBuilder(e.getMessage());
    e.errors().forEach(f -> sb.append(" · ").append(f.row() == null ? "" : "#" + f.row() + " ").append(f.column() == null ? f.field() : f.column())
        .append(": ").append(f.message()));
    return sb.toString();
  }
}
