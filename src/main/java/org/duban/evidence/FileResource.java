package org.duban.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.duban.evidence.dto.FilePatch;
import org.duban.evidence.dto.FileView;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Evidence files by id: download, publish (the office), delete. Uploads are the owners' own
 * endpoints ({@code POST /api/v1/reports/{id}/files}, ...), each one line through {@link #created}.
 */
@Path("/api/v1/files")
@Tag(name = "Files", description = "evidence files (佐证材料) attached to reports and supervision records")
public class FileResource {

  private final EvidenceStore store;
  private final CurrentActor actor;

  public FileResource(EvidenceStore store, CurrentActor actor) {
    this.store = store;
    this.actor = actor;
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "Download a file: its bytes, with its SHA-256 in X-Content-SHA256")
  @APIResponse(responseCode = "200", description = "the file as stored, its type decided from the content", content = @Content(
      mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "%PDF-1.4 …"))
  @APIResponse(responseCode = "404", description = "no such file, or attached to something the caller may not read")
  public Response download(@PathParam("id") @Parameter(example = "7") long id) {
    return send(store.open(id, actor.get()), "attachment", "private, no-store");
  }

  @GET
  @Path("{id}/meta")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "A file's description: name, type, size, SHA-256, whether public")
  @APIResponse(responseCode = "200", description = "the file's description")
  @APIResponse(responseCode = "404", description = "no such file, or attached to something the caller may not read")
  public FileView meta(@PathParam("id") @Parameter(example = "7") long id) {
    return store.open(id, actor.get()).file();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Make a photo public (a copy without EXIF, GPS or text metadata) or withdraw it")
  @APIResponse(responseCode = "200", description = "the file, with publicHref when public")
  @APIResponse(responseCode = "400", description = "public is missing")
  @APIResponse(responseCode = "403", description = "the office does not supervise what the file is attached to")
  @APIResponse(responseCode = "404", description = "no such file")
  @APIResponse(responseCode = "409", description = "not a JPEG or PNG photo: its metadata cannot be removed")
  public FileView patch(@PathParam("id") @Parameter(example = "7") long id, @Valid @NotNull FilePatch patch) {
    return store.publish(id, patch.published(), actor.get());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  @Operation(summary = "Delete a file (whoever may attach files to what it is attached to)")
  @APIResponse(responseCode = "204", description = "deleted, its bytes with it")
  @APIResponse(responseCode = "403", description = "the caller may not change what it is attached to")
  @APIResponse(responseCode = "404", description = "no such file")
  @APIResponse(responseCode = "409", description = "what it is attached to takes no more changes")
  public Response delete(@PathParam("id") @Parameter(example = "7") long id) {
    store.delete(id, actor.get());
    return Response.noContent().build();
  }

  /** An owner's upload endpoint in one line: 201, Location, the file's description. */
  public static Response created(EvidenceStore store, OwnerKind kind, long ownerId, FileUpload file, org.duban.platform.Actor actor) {
    if (file == null || file.uploadedFile() == null) {
      throw org.duban.platform.ProblemException.invalid("file", "a multipart part named file is required");
    }
    FileView view = store.attach(kind, ownerId, file.uploadedFile(), file.fileName(), actor);
    return Response.created(URI.create(view.href())).entity(view).type(MediaType.APPLICATION_JSON).build();
  }

  /** A file as a response: streamed, never sniffed, saved under its name (RFC 6266 / RFC 5987). */
  public static Response send(EvidenceStore.Download d, String disposition, String cacheControl) {
    return Response.ok(d.body())
        .type(d.mediaType())
        .header("Content-Length", d.size())
        .header("Content-Disposition", disposition(disposition, d.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Content-SHA256", d.sha256())
        .header("Cache-Control", cacheControl)
        .build();
  }

  static String disposition(String type, String name) {
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
    }
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
  }

  private static String rfc5987(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
