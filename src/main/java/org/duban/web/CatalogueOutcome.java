package org.duban.web;

import java.util.List;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.platform.Problem;

/** What the catalogue page shows below its forms: a dry run (with its upload) or an import done, or why not. */
public record CatalogueOutcome(ImportResult result, String upload, String sha256, List<Problem.FieldError> rowErrors, String error) {}
