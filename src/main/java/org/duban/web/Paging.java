package org.duban.web;

import io.quarkus.qute.TemplateInstance;
import org.duban.platform.Page;

/**
 * Where a paged list stands, as every list page's template reads it: {@code shownPage} (from 1),
 * {@code pages} (at least 1), {@code prevPage} and {@code nextPage} (0-based, null at either end).
 */
final class Paging {

  private Paging() {}

  static TemplateInstance of(TemplateInstance template, Page<?> found) {
    long pages = Math.max(1, (found.total() + found.size() - 1) / found.size());
    return template
        .data("shownPage", found.page() + 1)
        .data("pages", pages)
        .data("prevPage", found.page() > 0 ? Integer.valueOf(found.page() - 1) : null)
        .data("nextPage", found.page() + 1 < pages ? Integer.valueOf(found.page() + 1) : null);
  }
}
