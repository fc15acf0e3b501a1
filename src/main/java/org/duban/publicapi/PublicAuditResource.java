package org.duban.publicapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.duban.audit.AuditAnchor;
import org.duban.audit.dto.AuditCheckpointView;
import org.duban.platform.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail's daily anchors, for everyone: no row of the trail, only each day's last keyed
 * checkpoint of its hash chain. Archive them; the auditor's verification then proves (or an
 * archived head disproves) that nobody rewrote the trail since.
 */
@Path("/api/v1/public/audit-checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public", description = "commitment status for everyone, no login")
public class PublicAuditResource {

  private final AuditAnchor anchor;

  public PublicAuditResource(AuditAnchor anchor) {
    this.anchor = anchor;
  }

  @GET
  @Operation(summary = "Each day's last checkpoint of the audit trail's hash chain (its head and HMAC), newest first")
  @APIResponse(responseCode = "200", description = "one per day with activity", content = @Content(mediaType = "application/json",
      schema = @Schema(type = SchemaType.ARRAY, implementation = AuditCheckpointView.class)))
  @APIResponse(responseCode = "400", description = "days is not a whole number from 1 to 3660")
  public Response daily(@QueryParam("days") @Parameter(description = "how many days back (default 366)", example = "30") String days) {
    int n = 366;
    if (days != null && !days.isBlank()) {
      try {
        n = Integer.parseInt(days.strip());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > 3660) {
        throw ProblemException.invalid("days", "must be a whole number from 1 to 3660");
      }
    }
    List<AuditCheckpointView> list = anchor.daily(n);
    return Response.ok(list).header("Cache-Control", "public, max-age=60").build();
  }
}
