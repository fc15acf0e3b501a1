package org.duban.publicapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.evidence.EvidenceStore;
import org.duban.evidence.FileResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evidence files the office published (photos only), each as a copy without its metadata:
 * no name, no uploader, no EXIF or GPS position; a file never published does not exist here.
 */
@Path("/api/v1/public/files")
@PermitAll
@Tag(name = "Public", description = "commitment status for everyone, no login")
public class PublicFilesResource {

  private final EvidenceStore store;

  public PublicFilesResource(EvidenceStore store) {
    this.store = store;
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A published photo, without its metadata (EXIF, GPS position, text)")
  @APIResponse(responseCode = "200", description = "the photo (image/jpeg or image/png)", content = @Content(
      mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(the photo's bytes, without EXIF)"))
  @APIResponse(responseCode = "404", description = "no such file, or not published")
  public Response file(@PathParam("id") @Parameter(example = "7") long id) {
    return FileResource.send(store.openPublic(id), "inline", "public, max-age=300");
  }
}
