package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.duban.audit.AuditAnchor;
import org.duban.audit.AuditTrail;
import org.duban.audit.dto.AuditVerification;
import org.duban.audit.dto.AuditView;
import org.duban.audit.dto.JournalView;
import org.duban.measure.MeasureQueries;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The auditor's pages: the audit trail with the API's filters (who, what, result, from and to as
 * business dates), paged, and the chain check of GET /api/v1/audit/verify behind a button; and a
 * measure's journal (OFFICE, AUDITOR, as GET /api/v1/measures/{code}/journal).
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

  private final Template audit;
  private final Template journal;
  private final AuditTrail trail;
  private final AuditAnchor anchor;
  private final MeasureQueries measures;
  private final BusinessCalendar calendar;
  private final StaffView view;
  private final org.duban.identity.CurrentActor actor;

  public AuditPages(@Location("staff/audit.html") Template audit, @Location("staff/journal.html") Template journal, AuditTrail trail,
      AuditAnchor anchor, MeasureQueries measures, BusinessCalendar calendar, StaffView view, org.duban.identity.CurrentActor actor) {
    this.actor = actor;
    this.audit = audit;
    this.journal = journal;
    this.trail = trail;
    this.anchor = anchor;
    this.measures = measures;
    this.calendar = calendar;
    this.view = view;
  }

  @GET
  @Path("audit")
  @RolesAllowed(Role.AUDITOR_)
  public Response trail(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("result") String result,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String pageParam,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return render(actor, action, result, from, to, pageParam, null, Lang.of(lang, headers), uri);
  }

  /** The chain check: the trail's first page and the result of the check. */
  @GET
  @Path("audit/verify")
  @RolesAllowed(Role.AUDITOR_)
  public Response verify(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(null, null, null, null, null, null, anchor.verify(), Lang.of(lang, headers), uri);
  }

  /** The measure field of the audit page: to that measure's journal. */
  @GET
  @Path("audit/measure")
  @RolesAllowed(Role.AUDITOR_)
  public Response toJournal(@QueryParam("code") String code) {
    if (code == null || code.isBlank()) {
      return Response.seeOther(URI.create("/staff/audit")).build();
    }
    return Response.seeOther(URI.create("/staff/measures/" + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8) + "/journal")).build();
  }

  @GET
  @Path("measures/{code}/journal")
  @RolesAllowed({Role.OFFICE_, Role.AUDITOR_})
  public Response journal(@PathParam("code") String code, @QueryParam("page") String pageParam, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    Page<JournalView> found = measures.journal(code, new ListForm(null, null, null, null, null, pageParam).pageRequest(), actor.get());
    return view.render(Paging.of(journal.instance(), found)
            .data("code", code)
            .data("found", found),
        Lang.of(lang, headers), uri, "audit");
  }

  private Response render(String actor, String action, String result, String from, String to, String pageParam, AuditVerification check,
      Lang l, UriInfo uri) {
    String error = null;
    int status = 200;
    String a = null;
    String act = null;
    String res = null;
    Instant fromAt = null;
    Instant toAt = null;
    PageRequest page;
    try {
      a = Params.textOf("actor", actor == null ? null : actor.strip(), 64);
      act = oneOf("action", action, AuditTrail.ACTIONS);
      res = oneOf("result", result, AuditTrail.RESULTS);
      fromAt = day("from", from);
      LocalDate toDay = date("to", to);
      toAt = toDay == null ? null : toDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant(); // "to" is the last day shown
      page = new ListForm(null, null, null, null, null, pageParam).pageRequest();
    } catch (ProblemException e) {
      error = StaffView.describe(e, l);
      status = e.status();
      a = null;
      act = null;
      res = null;
      fromAt = null;
      toAt = null;
      page = PageRequest.of(0, ListForm.PAGE_SIZE);
    }
    Page<AuditView> found = trail.list(a, act, res, fromAt, toAt, page);
    String query = error != null ? "" : query(new String[][] {{"actor", a}, {"action", act}, {"result", res}, {"from", from}, {"to", to}});
    return view.render(Paging.of(audit.instance(), found)
            .data("found", found)
            .data("actions", AuditTrail.ACTIONS)
            .data("results", AuditTrail.RESULTS)
            .data("actor", a == null ? "" : a)
            .data("action", act == null ? "" : act)
            .data("result", res == null ? "" : res)
            .data("from", fromAt == null ? "" : from.strip())
            .data("to", toAt == null ? "" : to.strip())
            .data("query", query)
            .data("check", check)
            .data("error", error),
        l, uri, "audit", status);
  }

  private static String oneOf(String name, String value, java.util.List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value.strip())) {
      throw ProblemException.invalid(name, "must be one of " + String.join(", ", allowed));
    }
    return value.strip();
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "must be a date such as 2021-10-01");
    }
  }

  private Instant day(String name, String value) {
    LocalDate d = date(name, value);
    return d == null ? null : d.atStartOfDay(calendar.zone()).toInstant();
  }

  private static String query(String[][] pairs) {
    StringBuilder sb = new StringBuilder();
    for (String[] p : pairs) {
      if (p[1] != null && !p[1].isBlank()) {
        sb.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1].strip(), StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }
}
