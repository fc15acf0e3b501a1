package org.duban.platform;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} (from 0) and {@code size} (default 20, at most 100) query parameters of every
 * list. Parsed by hand so that "abc" is a 400 naming the parameter, not JAX-RS's 404.
 */
public class PageRequest {

  @QueryParam("page")
  @Parameter(description = "page number, from 0", example = "0")
  String pageParam;

  @QueryParam("size")
  @Parameter(description = "items per page, 1 to 100 (default 20)", example = "20")
  String sizeParam;

  public int page;
  public int size;
  private boolean parsed;

  public static PageRequest of(int page, int size) {
    PageRequest request = new PageRequest();
    request.page = page;
    request.size = size;
    request.parsed = true;
    return request;
  }

  /** Checks and parses both parameters; throws a 400 problem naming the bad one. */
  public PageRequest validated() {
    if (!parsed) {
      page = parse("page", pageParam, 0, 0, 1_000_000, "must be a whole number from 0");
      size = parse("size", sizeParam, Page.DEFAULT_SIZE, 1, Page.MAX_SIZE, "must be a whole number from 1 to 100");
      parsed = true;
    }
    return this;
  }

  public int offset() {
    return page * size;
  }

  private static int parse(String name, String value, int fallback, int min, int max, String message) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw ProblemException.invalid(name, message);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(name, message);
    }
  }
}
