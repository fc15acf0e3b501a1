package org.duban.web;

import java.util.List;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.platform.Problem;

/** What the catalogue page shows of the tasks sheet (issue 14): an import or dry run done, or each bad row, or why not. */
public record TaskSheetOutcome(ImportResult result, List<Problem.FieldError> rowErrors, String error) {
  static final TaskSheetOutcome NONE = new TaskSheetOutcome(null, List.of(), null);
}
