package org.duban.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; {@code errors} names each invalid field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details (media type application/problem+json)",
    example =
        "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"The request has invalid fields.\",\"instance\":\"/api/v1/measures\","
            + "\"errors\":[{\"field\":\"progress\",\"message\":\"must be less than or equal to 100\"}]}")
public record Problem(
    String type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** An invalid field; for a file (catalogue import) also the row (as a spreadsheet numbers it) and the column heading. */
  @Schema(name = "FieldError")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String message, Integer row, String column) {
    public FieldError(String field, String message) {
      this(field, message, null, null);
    }
  }
}
