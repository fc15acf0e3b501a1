package org.duban.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every list. */
public class PageRequest {
  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "must be 0 or more")
  @Parameter(description = "page number, from 0", example = "0")
  public int page;

  @QueryParam("size")
  @DefaultValue("20")
  @Min(value = 1, message = "must be between 1 and 100")
  @Max(value = Page.MAX_SIZE, message = "must be between 1 and 100")
  @Parameter(description = "items per page, at most 100", example = "20")
  public int size;

  public static PageRequest of(int page, int size) {
    PageRequest request = new PageRequest();
    request.page = page;
    request.size = size;
    return request;
  }

  public int offset() {
    return page * size;
  }
}
