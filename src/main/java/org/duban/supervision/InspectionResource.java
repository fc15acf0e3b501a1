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
import org.duban.supervision.dto.InspectionRequest;
import org.duban.supervision.dto.InspectionView;

/** Inspections by guidance groups (省级指导组督促): recorded by the group's members or the office. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class InspectionResource {

  private final SupervisionService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;
  private final org.duban.evidence.EvidenceStore files;

  public InspectionResource(SupervisionService service, CurrentActor actor, PublicBaseUrl links, org.duban.evidence.EvidenceStore files) {
    this.files = files;
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Record an inspection: group, date, the unit or region inspected (one the group is sent to), the measures and tasks covered, the findings")
  @APIResponse(responseCode = "201", description = "the inspection", content = @Content(schema = @Schema(implementation = InspectionView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, a place the group is not sent to, an item the caller cannot see")
  @APIResponse(responseCode = "403", description = "neither a member of the group nor an office whose region contains the place")
  public Response record(@Valid @NotNull InspectionRequest request) {
    InspectionView i = service.recordInspection(request, actor.get());
    return Response.created(links.link("api", "v1", "inspections", String.valueOf(i.id()))).entity(i).build();
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "The inspections the caller reads (the office of the place, the group's members, the contact leaders of what was covered, the unit inspected), newest first")
  public Page<InspectionView> list(
      @QueryParam("group") @Parameter(description = "a group's id", example = "1") String group, @BeanParam PageRequest page) {
    Long g = group == null || group.isBlank() ? null : (long) Params.wholeNumber("group", group, 0, 1, Integer.MAX_VALUE);
    return service.inspections(g, page.validated(), actor.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "One inspection with the rectification items born from it")
  @APIResponse(responseCode = "404", description = "no such inspection, or not one the caller may see")
  @APIResponse(responseCode = "200", description = "the inspection")
  public InspectionView get(@PathParam("id") String id) {
    return service.inspection(id(id), actor.get());
  }

  static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no inspection " + id + ".");
    }
  }

  // --- evidence files (issue 15)

  @POST
  @Path("{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Attach an evidence file to a inspection (multipart, part file, header X-Requested-By): PDF, JPEG, PNG, DOCX or XLSX by its content, up to TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "201", description = "the file: id, sha256, type decided from the content; Location /api/v1/files/{id}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = org.duban.evidence.dto.FileView.class)))
  @APIResponse(responseCode = "400", description = "no part named file, or the file is empty")
  @APIResponse(responseCode = "403", description = "the caller reads it but may not add files to it")
  @APIResponse(responseCode = "404", description = "no such inspection, or not one the caller reads")
  @APIResponse(responseCode = "413", description = "larger than TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "415", description = "not a PDF, JPEG, PNG, DOCX or XLSX by its content")
  public Response attachFile(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
    return org.duban.evidence.FileResource.created(files, org.duban.evidence.OwnerKind.INSPECTION, id(id), file, actor.get());
  }

  @GET
  @Path("{id}/files")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "A inspection's evidence files, oldest first")
  @APIResponse(responseCode = "404", description = "no such inspection, or not one the caller reads")
  @APIResponse(responseCode = "200", description = "the files: name, type, size, sha256")
  public List<org.duban.evidence.dto.FileView> files(@PathParam("id") String id) {
    return files.list(org.duban.evidence.OwnerKind.INSPECTION, id(id), actor.get());
  }
}
