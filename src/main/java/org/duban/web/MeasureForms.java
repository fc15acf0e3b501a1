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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.measure.MeasureLifecycle;
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
 * The forms of a measure's page: report, claim done, verify, reopen, postpone, accept, return. Each
 * checks the form token, calls the same service method as the API, and answers 303 back to the
 * measure's page; a refusal re-renders the page with the reason and the refusal's status (a 404
 * stays a 404). The version in the form is the page's If-Match: a stale page gets 412.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
public class MeasureForms {

  private final MeasureLifecycle lifecycle;
  private final ReportService reports;
  private final MeasureDetailView detail;
  private final CurrentActor actor;
  private final StaffView view;

  public MeasureForms(MeasureLifecycle lifecycle, ReportService reports, MeasureDetailView detail, CurrentActor actor, StaffView view) {
    this.lifecycle = lifecycle;
    this.reports = reports;
    this.detail = detail;
    this.actor = actor;
    this.view = view;
  }

  @POST
  @Path("measures/{code}/reports")
  @RolesAllowed({Role.REPORTER_, Role.OFFICE_})
  public Response submitReport(@FormParam("csrf") String token,
      @PathParam("code") String code,
      @FormParam("progress") String progress,
      @FormParam("publicSummary") String publicSummary,
      @FormParam("narrative") String narrative,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return act(code, "report", token, headers, uri, () -> {
      Integer p;
      try {
        p = Integer.valueOf(nz(progress).strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("progress", "must be a whole number from 0 to 100");
      }
      SubmitReportRequest r = view.valid(new SubmitReportRequest(p, blankToNull(narrative), nz(publicSummary).strip(), List.of()));
      reports.submit(code, r, actor.get());
    });
  }

  @POST
  @Path("measures/{code}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  public Response claimDone(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "claim", token, headers, uri,
        () -> lifecycle.claimDone(code, new NoteRequest(null), ifMatch(version), actor.get()));
  }

  @POST
  @Path("measures/{code}/verify")
  @RolesAllowed(Role.OFFICE_)
  public Response verify(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @FormParam("openTasksReason") String openTasksReason, @Context HttpHeaders headers, @Context UriInfo uri) {
    // tasks-ui (issue 14): with tasks still open, the office says why (internal)
    return act(code, "verify", token, headers, uri, () -> lifecycle.verify(code,
        view.valid(new NoteRequest(null, blankToNull(openTasksReason) == null ? null : openTasksReason.strip())), ifMatch(version), actor.get()));
  }

  @POST
  @Path("measures/{code}/reopen")
  @RolesAllowed(Role.OFFICE_)
  public Response reopen(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "reopen", token, headers, uri,
        () -> lifecycle.reopen(code, view.valid(new ReasonRequest(nz(reason).strip())), ifMatch(version), actor.get()));
  }

  @POST
  @Path("measures/{code}/postpone")
  @RolesAllowed(Role.OFFICE_)
  public Response postpone(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @FormParam("newDeadline") String newDeadline, @FormParam("reason") String reason,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "postpone", token, headers, uri, () -> {
      LocalDate date;
      try {
        date = LocalDate.parse(nz(newDeadline).strip());
      } catch (DateTimeParseException e) {
        throw ProblemException.invalid("newDeadline", "must be a date such as 2022-03-31");
      }
      lifecycle.postpone(code, view.valid(new PostponeRequest(date, nz(reason).strip())), ifMatch(version), actor.get());
    });
  }

  @POST
  @Path("measures/{code}/reports/{id}/accept")
  @RolesAllowed(Role.OFFICE_)
  public Response accept(@FormParam("csrf") String token, @PathParam("code") String code, @PathParam("id") long id,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "accept", token, headers, uri, () -> reports.accept(reportOf(code, id), actor.get()));
  }

  @POST
  @Path("measures/{code}/reports/{id}/return")
  @RolesAllowed(Role.OFFICE_)
  public Response returnReport(@FormParam("csrf") String token, @PathParam("code") String code, @PathParam("id") long id,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "return", token, headers, uri, () -> {
      String r = view.valid(new ReasonRequest(nz(reason).strip())).reason();
      reports.returnReport(reportOf(code, id), r, actor.get());
    });
  }


  /** The report, checked to belong to the measure the page is about. */
  private long reportOf(String code, long id) {
    ReportView r = reports.get(id, actor.get());
    if (!r.measure().equals(code)) {
      throw ProblemException.notFound("Report " + id + " is not a report of " + code + ".");
    }
    return id;
  }

  private Response act(String code, String done, String token, HttpHeaders headers, UriInfo uri, Runnable action) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    try {
      action.run();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return detail.render(code, l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/measures/" + urlPart(code) + "?done=" + done)).build();
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

  private static String blankToNull(String s) {
    return ListForm.blank(s) ? null : s;
  }
}
