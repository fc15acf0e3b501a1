package org.duban.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.Precondition;
import org.duban.platform.PublicBaseUrl;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.duban.supervision.dto.VisitRequest;
import org.duban.supervision.dto.VisitView;

/** Contact visits and research (联系调研) by the contact leaders of a measure or task. */
@Path("/api/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class VisitResource {

  private final SupervisionService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;
  private final org.duban.evidence.EvidenceStore files;

  public VisitResource(SupervisionService service, CurrentActor actor, PublicBaseUrl links, org.duban.evidence.EvidenceStore files) {
    this.files = files;
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Record a visit: the item, date, place, participants, what was found, follow-ups (a contact leader of the item, or an office that acts on it)")
  @APIResponse(responseCode = "201", description = "the visit", content = @Content(schema = @Schema(implementation = VisitView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, or an item the caller cannot see")
  @APIResponse(responseCode = "403", description = "not a contact leader of the item nor an office that acts on it")
  public Response record(@Valid @NotNull VisitRequest request) {
    VisitView v = service.recordVisit(request, actor.get());
    return Response.created(links.link("api", "v1", "visits", String.valueOf(v.id()))).entity(v).build();
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "The visits the caller reads (its own, those to items it is contact leader of; an office: those to items it reads), newest first")
  public Page<VisitView> list(@QueryParam("item") @Parameter(description = "a measure's or task's code", example = "J05") String item,
      @BeanParam PageRequest page) {
    return service.visits(item, page.validated(), actor.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "One visit with the rectification items born from it")
  @APIResponse(responseCode = "404", description = "no such visit, or not one the caller may see")
  @APIResponse(responseCode = "200", description = "the visit")
  public VisitView get(@PathParam("id") String id) {
    try {
      return service.visit(Long.parseLong(id), actor.get());
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no visit " + id + ".");
    }
  }

  // --- evidence files (issue 15)

  @POST
  @Path("{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Attach an evidence file to a visit (multipart, part file, header X-Requested-By): PDF, JPEG, PNG, DOCX or XLSX by its content, up to TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "201", description = "the file: id, sha256, type decided from the content; Location /api/v1/files/{id}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = org.duban.evidence.dto.FileView.class)))
  @APIResponse(responseCode = "400", description = "no part named file, or the file is empty")
  @APIResponse(responseCode = "403", description = "the caller reads it but may not add files to it")
  @APIResponse(responseCode = "404", description = "no such visit, or not one the caller reads")
  @APIResponse(responseCode = "413", description = "larger than TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "415", description = "not a PDF, JPEG, PNG, DOCX or XLSX by its content")
  public Response attachFile(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
    return org.duban.evidence.FileResource.created(files, org.duban.evidence.OwnerKind.VISIT, visitId(id), file, actor.get());
  }

  @GET
  @Path("{id}/files")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "A visit's evidence files, oldest first")
  @APIResponse(responseCode = "404", description = "no such visit, or not one the caller reads")
  @APIResponse(responseCode = "200", description = "the files: name, type, size, sha256")
  public List<org.duban.evidence.dto.FileView> files(@PathParam("id") String id) {
    return files.list(org.duban.evidence.OwnerKind.VISIT, visitId(id), actor.get());
  }

  static long visitId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no visit " + id + ".");
    }
  }
}
