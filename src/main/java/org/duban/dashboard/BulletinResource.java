package org.duban.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The bulletins (通报) of closed dispatch rounds, as Word documents. */
@Path("/api/v1/bulletins")
@RolesAllowed({Role.OFFICE_, Role.LEADER_})
@Tag(name = "Dashboard")
public class BulletinResource {

  private final BulletinService service;

  public BulletinResource(BulletinService service) {
    this.service = service;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The bulletins of the closed dispatch rounds, newest first (draft: the round closed in a catch-up and kept no snapshot)")
  @APIResponse(responseCode = "200", description = "the bulletins")
  public List<BulletinService.Listed> list() {
    return service.list();
  }

  @GET
  @Path("{round}.docx")
  @Produces(BulletinDocx.DOCX)
  @Operation(summary = "A round's bulletin (通报) as a Word document: overall progress, red and overdue items with days, units that missed the round's report, overdue rectification items, an empty section for the office's remarks")
  @APIResponse(responseCode = "200", description = "the document", content = @Content(mediaType = BulletinDocx.DOCX,
      schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(binary .docx)"))
  @APIResponse(responseCode = "400", description = "round is not a month such as 2021-06")
  @APIResponse(responseCode = "404", description = "no such round, or it has not closed yet")
  public Response docx(@PathParam("round") @Parameter(example = "2021-06") String round) {
    BulletinService.Content c = service.content(round);
    StreamingOutput body = out -> service.docx(c, out);
    return Response.ok(body, BulletinDocx.DOCX)
        .header("Content-Disposition", "attachment; filename=\"bulletin-" + c.round().code() + ".docx\"").build();
  }
}
