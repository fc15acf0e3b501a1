package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.duban.catalogue.CatalogueService;
import org.duban.catalogue.CatalogueService.FileKind;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.catalogue.CatalogueStaging;
import org.duban.identity.CurrentActor;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The office's catalogue page: export (CSV, XLSX) and import in two steps. The upload is checked
 * by a dry run (what would be created, updated, left unchanged, or every bad row with its column
 * and reason) and kept on the server ({@link CatalogueStaging}); "确认导入" applies exactly that
 * file, by its id. The API's export and import take Basic or tokens only, so the page has its own
 * download links calling the same service.
 */
@Path("/staff/catalogue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OFFICE_)
public class CataloguePages {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Template page;
  private final CatalogueService catalogue;
  private final CatalogueStaging staging;
  private final CurrentActor actor;
  private final StaffView view;

  public CataloguePages(@Location("staff/catalogue.html") Template page, CatalogueService catalogue, CatalogueStaging staging,
      CurrentActor actor, StaffView view) {
    this.page = page;
    this.catalogue = catalogue;
    this.staging = staging;
    this.actor = actor;
    this.view = view;
  }

  @GET
  public Response show(@QueryParam("created") Integer created, @QueryParam("updated") Integer updated,
      @QueryParam("unchanged") Integer unchanged, @QueryParam("lang") String lang, @Context HttpHeaders headers,
      @Context UriInfo uri,
      // tasks-ui (issue 14): the tasks sheet's import, after its redirect
      @QueryParam("sheetCreated") Integer sheetCreated, @QueryParam("sheetUpdated") Integer sheetUpdated,
      @QueryParam("sheetUnchanged") Integer sheetUnchanged) {
    ImportResult imported = created == null || updated == null || unchanged == null
        ? null : new ImportResult(created + updated + unchanged, created, updated, unchanged, false);
    TaskSheetOutcome sheet = sheetCreated == null || sheetUpdated == null || sheetUnchanged == null ? TaskSheetOutcome.NONE
        : new TaskSheetOutcome(new ImportResult(sheetCreated + sheetUpdated + sheetUnchanged, sheetCreated, sheetUpdated, sheetUnchanged, false),
            List.of(), null);
    return view.render(page.instance().data("o", new CatalogueOutcome(imported, null, null, List.of(), null)).data("sheet", sheet),
        Lang.of(lang, headers), uri, "catalogue", 200);
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response exportCsv() {
    StreamingOutput body = catalogue::exportCsv;
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"catalogue.csv\"").header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("export.xlsx")
  @Produces(XLSX)
  public Response exportXlsx() {
    StreamingOutput body = catalogue::exportXlsx;
    return Response.ok(body, XLSX)
        .header("Content-Disposition", "attachment; filename=\"catalogue.xlsx\"").header("Cache-Control", "no-store").build();
  }

  /** Step 1: the dry run; a file that passes is kept for the confirmation. */
  @POST
  @Path("upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@RestForm("csrf") String csrf, @RestForm("file") FileUpload file, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    view.requireToken(csrf);
    Lang l = Lang.of(null, headers);
    Msg msg = MeasureEditPages.msg(l);
    if (file == null || file.size() == 0) {
      return render(new CatalogueOutcome(null, null, null, List.of(), msg.noFile()), l, uri, 400);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FileKind kind = kindOf(file);
    try {
      ImportResult dry = catalogue.importFile(bytes, kind, null, true, actor.get());
      CatalogueStaging.Staged staged = staging.stage(bytes, kind, actor.get());
      return render(new CatalogueOutcome(dry, staged.id().toString(), staged.sha256(), List.of(), null), l, uri, 200);
    } catch (ProblemException e) {
      return refused(e, l, uri);
    }
  }

  /** Step 2: applies the staged file (all rows or none), then back to the page with the counts. */
  @POST
  @Path("confirm")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response confirm(@FormParam("csrf") String csrf, @FormParam("upload") String upload, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    view.requireToken(csrf);
    Lang l = Lang.of(null, headers);
    UUID id;
    try {
      id = UUID.fromString(ListForm.nz(upload).strip());
    } catch (IllegalArgumentException e) {
      return refused(ProblemException.notFound("There is no such upload of yours: upload the file again."), l, uri);
    }
    try {
      ImportResult r = staging.apply(id, actor.get());
      return Response.seeOther(URI.create("/staff/catalogue?created=" + r.created() + "&updated=" + r.updated()
          + "&unchanged=" + r.unchanged())).build();
    } catch (ProblemException e) {
      return refused(e, l, uri);
    }
  }

  private Response refused(ProblemException e, Lang l, UriInfo uri) {
    boolean rows = e.errors() != null && e.errors().stream().anyMatch(f -> f.row() != null);
    return render(new CatalogueOutcome(null, null, null, rows ? e.errors().stream().map(f -> new Problem.FieldError(f.field(), StaffView.text(f.message(), l), f.row(), f.column())).toList() : List.of(),
        rows ? null : StaffView.describe(e, l)), l, uri, e.status());
  }

  private static FileKind kindOf(FileUpload file) {
    String name = ListForm.nz(file.fileName()).toLowerCase(Locale.ROOT);
    String type = ListForm.nz(file.contentType()).toLowerCase(Locale.ROOT);
    return name.endsWith(".xlsx") || type.startsWith(XLSX) ? FileKind.XLSX : FileKind.CSV;
  }

  private Response render(CatalogueOutcome o, Lang l, UriInfo uri, int status) {
    return view.render(page.instance().data("o", o).data("sheet", TaskSheetOutcome.NONE), l, uri, "catalogue", status);
  }
}
