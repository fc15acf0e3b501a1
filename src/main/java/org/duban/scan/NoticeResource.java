package org.duban.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.scan.dto.NoticeView;
import org.duban.scan.dto.ScanResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notice outbox for the office. */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scan", description = "the overdue scan, dispatch rounds and the reminder ladder")
public class NoticeResource {

  private final NoticeService notices;
  private final org.duban.identity.CurrentActor actor;

  public NoticeResource(NoticeService notices, org.duban.identity.CurrentActor actor) {
    this.notices = notices;
    this.actor = actor;
  }

  @GET
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "The notice outbox and each notice's delivery state")
  @APIResponse(responseCode = "200", description = "a page of notices, newest first")
  @APIResponse(responseCode = "400", description = "a parameter is invalid")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Page<NoticeView> list(
      @QueryParam("measure") @Parameter(description = "measure or task code", example = "J05") String measure,
      @QueryParam("state") @Parameter(description = "PENDING, SENDING, SENT, FAILED or NO_RECIPIENT", example = "FAILED") String state,
      @QueryParam("region") @Parameter(description = "only the notices of items in this region and below (GB/T 2260 code); an account with a region is held to it",
          example = "370100") String region,
      @QueryParam("digest") @Parameter(description = "only the items of this leadership digest (its notice id)", example = "312") String digest,
      @BeanParam PageRequest page) {
    return notices.list(
        Params.textOf("measure", measure, 24),
        state == null ? null : Params.enumOf(NoticeState.class, "state", state).name(),
        region,
        digestOf(digest),
        page.validated(),
        actor.get());
  }

  @POST
  @Path("{id}/retry")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Queue a FAILED notice again and try to deliver it (a leadership digest, or an item of one: the digest)")
  @APIResponse(responseCode = "204", description = "queued again")
  @APIResponse(responseCode = "409", description = "no such FAILED notice")
  public void retry(@PathParam("id") @Parameter(example = "311") long id) {
    notices.retry(id, actor.get());
  }

  /** ?digest=: a notice id (a whole number from 1), null when absent; a 400 naming it otherwise. */
  public static Long digestOf(String digest) {
    int id = Params.wholeNumber("digest", digest, 0, 1, Integer.MAX_VALUE);
    return id == 0 ? null : (long) id;
  }

  /** The delivery states, for parameter checking. */
  public enum NoticeState {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    NO_RECIPIENT
  }
}
