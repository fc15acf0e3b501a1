package org.duban.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.measure.ItemKind;
import org.duban.measure.MeasureLifecycle;
import org.duban.measure.MeasureQueries;
import org.duban.measure.TaskService;
import org.duban.measure.dto.CreateTaskRequest;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;
import org.duban.reporting.dto.SubmitReportRequest;

/**
 * The forms of a task's page (report, claim done, verify, reopen, postpone, accept, return) and the
 * measure page's form that adds a task. Each checks the form token, calls the same service as the
 * API (TaskService, MeasureLifecycle, ReportService) and answers 303 back to the page; a refusal
 * re-renders the page with the reason and the refusal's status (a 404 stays a 404). The version in
 * the form is the page's If-Match.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.REPORTER_})
public class TaskForms {

  private final TaskService tasks;
  private final MeasureLifecycle lifecycle;
  private final ReportService reports;
  private final TaskDetailView detail;
  private final MeasureDetailView measureDetail;
  private final CurrentActor actor;
  private final StaffView view;

  public TaskForms(TaskService tasks, MeasureLifecycle lifecycle, ReportService reports, TaskDetailView detail,
      MeasureDetailView measureDetail, CurrentActor actor, StaffView view) {
    this.tasks = tasks;
    this.lifecycle = lifecycle;
    this.reports = reports;
    this.detail = detail;
    this.measureDetail = measureDetail;
    this.actor = actor;
    this.view = view;
  }

  /** The measure page's form: break the measure down for one region (POST /api/v1/measures/{code}/tasks). */
  @POST
  @Path("measures/{code}/tasks")
  @RolesAllowed(Role.OFFICE_)
  public Response addTask(@FormParam("csrf") String token, @PathParam("code") String code,
      @FormParam("region") String region, @FormParam("unit") String unit, @FormParam("deadline") String deadline,
      @FormParam("targetShares") String targetShares, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    MeasureQueries.requireKind(code, ItemKind.MEASURE);
    Lang l = Lang.of(null, headers);
    try {
      CreateTaskRequest r = view.valid(new CreateTaskRequest(nz(region).strip(), nz(unit).strip(), date("deadline", deadline), null,
          shares(targetShares), null, null));
      tasks.create(code, r, actor.get());
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return measureDetail.render(code, l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/measures/" + urlPart(code) + "?done=task")).build();
  }

  @POST
  @Path("tasks/{taskCode}/reports")
  public Response submitReport(@FormParam("csrf") String token, @PathParam("taskCode") String code,
      @FormParam("progress") String progress, @FormParam("publicSummary") String publicSummary,
      @FormParam("narrative") String narrative, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "report", token, headers, uri, () -> {
      Integer p;
      try {
        p = Integer.valueOf(nz(progress).strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("progress", "must be a whole number from 0 to 100");
      }
      SubmitReportRequest r = view.valid(new SubmitReportRequest(p, ListForm.blank(narrative) ? null : narrative,
          nz(publicSummary).strip(), List.of()));
      reports.submit(code, r, actor.get());
    });
  }

  @POST
  @Path("tasks/{taskCode}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  public Response claimDone(@FormParam("csrf") String token, @PathParam("taskCode") String code, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "claim", token, headers, uri,
        () -> tasks.step(code, actor.get(), c -> lifecycle.claimDone(c, new NoteRequest(null), ifMatch(version), actor.get())));
  }

  @POST
  @Path("tasks/{taskCode}/verify")
  @RolesAllowed(Role.OFFICE_)
  public Response verify(@FormParam("csrf") String token, @PathParam("taskCode") String code, @FormParam("version") String version,
      @FormParam("openTasksReason") String openTasksReason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "verify", token, headers, uri, () -> {
      NoteRequest note = view.valid(new NoteRequest(null, ListForm.blank(openTasksReason) ? null : openTasksReason.strip()));
      tasks.step(code, actor.get(), c -> lifecycle.verify(c, note, ifMatch(version), actor.get()));
    });
  }

  @POST
  @Path("tasks/{taskCode}/reopen")
  @RolesAllowed(Role.OFFICE_)
  public Response reopen(@FormParam("csrf") String token, @PathParam("taskCode") String code, @FormParam("version") String version,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "reopen", token, headers, uri, () -> {
      ReasonRequest r = view.valid(new ReasonRequest(nz(reason).strip()));
      tasks.step(code, actor.get(), c -> lifecycle.reopen(c, r, ifMatch(version), actor.get()));
    });
  }

  @POST
  @Path("tasks/{taskCode}/postpone")
  @RolesAllowed(Role.OFFICE_)
  public Response postpone(@FormParam("csrf") String token, @PathParam("taskCode") String code, @FormParam("version") String version,
      @FormParam("newDeadline") String newDeadline, @FormParam("reason") String reason,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "postpone", token, headers, uri, () -> {
      PostponeRequest r = view.valid(new PostponeRequest(date("newDeadline", newDeadline), nz(reason).strip()));
      tasks.step(code, actor.get(), c -> lifecycle.postpone(c, r, ifMatch(version), actor.get()));
    });
  }

  @POST
  @Path("tasks/{taskCode}/reports/{id}/accept")
  @RolesAllowed(Role.OFFICE_)
  public Response accept(@FormParam("csrf") String token, @PathParam("taskCode") String code, @PathParam("id") long id,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "accept", token, headers, uri, () -> reports.accept(reportOf(code, id), actor.get()));
  }

  @POST
  @Path("tasks/{taskCode}/reports/{id}/return")
  @RolesAllowed(Role.OFFICE_)
  public Response returnReport(@FormParam("csrf") String token, @PathParam("taskCode") String code, @PathParam("id") long id,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "return", token, headers, uri, () -> {
      String r = view.valid(new ReasonRequest(nz(reason).strip())).reason();
      reports.returnReport(reportOf(code, id), r, actor.get());
    });
  }

  /** The report, checked to belong to the task the page is about. */
  private long reportOf(String code, long id) {
    ReportView r = reports.get(id, actor.get());
    if (!r.measure().equals(code)) {
      throw ProblemException.notFound("Report " + id + " is not a report of " + code + ".");
    }
    return id;
  }

  private Response act(String code, String done, String token, HttpHeaders headers, UriInfo uri, Runnable action) {
    view.requireToken(token);
    MeasureQueries.requireKind(code, ItemKind.TASK);
    Lang l = Lang.of(null, headers);
    try {
      action.run();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return detail.render(code, l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/tasks/" + urlPart(code) + "?done=" + done)).build();
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(nz(text).strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a date such as 2022-03-31");
    }
  }

  /** {@code 280 | 3}: the shares in the order of the measure's targets; an empty part for none. */
  private static List<BigDecimal> shares(String text) {
    if (ListForm.blank(text)) {
      return null;
    }
    List<BigDecimal> out = new ArrayList<>();
    for (String part : text.split("[|｜]", -1)) {
      String p = part.strip();
      try {
        out.add(p.isEmpty() ? null : new BigDecimal(p));
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("targetShares", "must be numbers separated by |, such as 280 | 3");
      }
    }
    return out;
  }

  private static Precondition ifMatch(String version) {
    if (version == null || !version.strip().matches("\\d{1,18}")) {
      throw ProblemException.invalid("version", "the page is out of date: reload it");
    }
    return Precondition.ifMatch(Precondition.etag(Long.parseLong(version.strip())));
  }

  private static String urlPart(String code) {
    return URLEncoder.encode(code, StandardCharsets.UTF_8);
  }

  private static String nz(String s) {
    return ListForm.nz(s);
  }
}
