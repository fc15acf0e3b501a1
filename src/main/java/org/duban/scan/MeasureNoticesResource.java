package org.duban.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.scan.dto.NoticeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notices of one measure, with their delivery state (for the office). */
@Path("/api/v1/measures/{code}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scan", description = "the overdue scan, dispatch rounds and the reminder ladder")
public class MeasureNoticesResource {

  private final NoticeService notices;
  private final org.duban.identity.CurrentActor actor;

  public MeasureNoticesResource(NoticeService notices, org.duban.identity.CurrentActor actor) {
    this.notices = notices;
    this.actor = actor;
  }

  @GET
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "The notices of one measure and their delivery state")
  @APIResponse(responseCode = "200", description = "a page of notices, newest first")
  @APIResponse(responseCode = "400", description = "a page parameter is invalid")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Page<NoticeView> list(@PathParam("code") @Parameter(example = "J05") String code, @BeanParam PageRequest page) {
    return notices.ofItem(code, page.validated(), actor.get());
  }
}
