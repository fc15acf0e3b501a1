package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.duban.catalogue.CatalogueService.FileKind;
import org.duban.catalogue.TaskCatalogue;
import org.duban.identity.CurrentActor;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The tasks sheet on the office's catalogue page (issue 14): export (CSV, XLSX) and upload, with a
 * dry run (ticked by default) that says exactly what would be created, updated or left unchanged,
 * or lists every bad row; unticked, the same check applies the file, all rows or none. The same
 * service as {@code /api/v1/tasks/import} and {@code export.*}.
 */
@Path("/staff/catalogue/tasks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OFFICE_)
public class TaskCataloguePages {

  private final Template page;
  private final TaskCatalogue sheet;
  private final CurrentActor actor;
  private final StaffView view;

  public TaskCataloguePages(@Location("staff/catalogue.html") Template page, TaskCatalogue sheet, CurrentActor actor, StaffView view) {
    this.page = page;
    this.sheet = sheet;
    this.actor = actor;
    this.view = view;
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response exportCsv() {
    var who = actor.get();
    StreamingOutput body = out -> sheet.exportCsv(out, who);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"tasks.csv\"").header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("export.xlsx")
  @Produces(CataloguePages.XLSX)
  public Response exportXlsx() {
    var who = actor.get();
    StreamingOutput body = out -> sheet.exportXlsx(out, who);
    return Response.ok(body, CataloguePages.XLSX)
        .header("Content-Disposition", "attachment; filename=\"tasks.xlsx\"").header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@RestForm("csrf") String csrf, @RestForm("file") FileUpload file, @RestForm("dryRun") String dryRun,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(csrf);
    Lang l = Lang.of(null, headers);
    if (file == null || file.size() == 0) {
      return render(new TaskSheetOutcome(null, List.of(), MeasureEditPages.msg(l).noFile()), l, uri, 400);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = ListForm.nz(file.fileName()).toLowerCase(Locale.ROOT);
    String type = ListForm.nz(file.contentType()).toLowerCase(Locale.ROOT);
    FileKind kind = name.endsWith(".xlsx") || type.startsWith(CataloguePages.XLSX) ? FileKind.XLSX : FileKind.CSV;
    try {
      var result = sheet.importFile(bytes, kind, null, "true".equals(dryRun), actor.get());
      if (!result.dryRun()) {
        return Response.seeOther(java.net.URI.create("/staff/catalogue?sheetCreated=" + result.created() + "&sheetUpdated=" + result.updated()
            + "&sheetUnchanged=" + result.unchanged())).build();
      }
      return render(new TaskSheetOutcome(result, List.of(), null), l, uri, 200);
    } catch (ProblemException e) {
      boolean rows = e.errors() != null && e.errors().stream().anyMatch(f -> f.row() != null);
      return render(new TaskSheetOutcome(null,
          rows ? e.errors().stream().map(f -> new Problem.FieldError(f.field(), StaffView.text(f.message(), l), f.row(), f.column())).toList()
              : List.of(),
          rows ? null : StaffView.describe(e, l)), l, uri, e.status());
    }
  }

  private Response render(TaskSheetOutcome sheetOutcome, Lang l, UriInfo uri, int status) {
    return view.render(page.instance().data("o", new CatalogueOutcome(null, null, null, List.of(), null)).data("sheet", sheetOutcome),
        l, uri, "catalogue", status);
  }
}
