package org.duban.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.duban.evidence.EvidenceStore;
import org.duban.evidence.FileResource;
import org.duban.evidence.OwnerKind;
import org.duban.identity.CurrentActor;
import org.duban.measure.ItemKind;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Evidence files on the staff pages (issue 15): a report's upload form (multipart, no script) on
 * the measure's or the task's page, and the download link. Same service, same rules as the API.
 */
@Path("/staff")
public class EvidencePages {

  private final EvidenceStore store;
  private final ReportService reports;
  private final CurrentActor actor;
  private final StaffView view;
  private final MeasureDetailView measurePage;
  private final TaskDetailView taskPage;

  public EvidencePages(EvidenceStore store, ReportService reports, CurrentActor actor, StaffView view,
      MeasureDetailView measurePage, TaskDetailView taskPage) {
    this.store = store;
    this.reports = reports;
    this.actor = actor;
    this.view = view;
    this.measurePage = measurePage;
    this.taskPage = taskPage;
  }

  @POST
  @Path("reports/{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  public Response upload(@RestForm("csrf") String token, @PathParam("id") long id, @RestForm("file") FileUpload file,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    ReportView report = reports.get(id, actor.get()); // 404 for a report the reader does not read
    String item = report.measure();
    boolean task = ItemKind.ofCode(item) == ItemKind.TASK;
    Lang l = Lang.of(null, headers);
    try {
      if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
        throw ProblemException.invalid("file", "a multipart part named file is required");
      }
      store.attach(OwnerKind.REPORT, id, file.uploadedFile(), file.fileName(), actor.get());
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      String reason = StaffView.describe(e, l);
      return task ? taskPage.render(item, l, uri, null, reason, e.status()) : measurePage.render(item, l, uri, null, reason, e.status());
    }
    String page = (task ? "/staff/tasks/" : "/staff/measures/") + URLEncoder.encode(item, StandardCharsets.UTF_8);
    return Response.seeOther(URI.create(page + "?done=file")).build();
  }

  @GET
  @Path("files/{id}")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  public Response download(@PathParam("id") long id) {
    return FileResource.send(store.open(id, actor.get()), "attachment", "private, no-store");
  }
}
