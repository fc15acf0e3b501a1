package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.dashboard.DashboardService;
import org.duban.dashboard.dto.DashboardView;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.measure.Area;
import org.duban.measure.MeasureService;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;
import org.duban.reporting.dto.SubmitReportRequest;

/**
 * The staff pages (server-rendered, Chinese first, English on request): the leadership dashboard,
 * the measure list and a measure's page with the forms the user's role may use. Each form posts
 * here, calls the same service method as the API, and answers 303 back to the measure's page.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
public class StaffPages {

  private final Template dashboard;
  private final Template measures;
  private final Template measure;
  private final DashboardService dashboards;
  private final MeasureService measureService;
  private final ReportService reportService;
  private final CurrentActor actor;
  private final BusinessCalendar calendar;
  private final Validator validator;
  private final Msg zh;
  private final Msg en;
  private final CsrfTokens csrf;
  private final Template password;
  private final org.duban.identity.IdentityService identity;
  private final org.duban.identity.Sessions sessions;

  public StaffPages(
      @Location("staff/dashboard.html") Template dashboard,
      @Location("staff/measures.html") Template measures,
      @Location("staff/measure.html") Template measure,
      DashboardService dashboards,
      MeasureService measureService,
      ReportService reportService,
      CurrentActor actor,
      BusinessCalendar calendar,
      Validator validator,
      Msg zh,
      @Localized("en") Msg en,
      CsrfTokens csrf,
      @Location("staff/password.html") Template password,
      org.duban.identity.IdentityService identity,
      org.duban.identity.Sessions sessions) {
    this.sessions = sessions;
    this.csrf = csrf;
    this.password = password;
    this.identity = identity;
    this.dashboard = dashboard;
    this.measures = measures;
    this.measure = measure;
    this.dashboards = dashboards;
    this.measureService = measureService;
    this.reportService = reportService;
    this.actor = actor;
    this.calendar = calendar;
    this.validator = validator;
    this.zh = zh;
    this.en = en;
  }

  /** A row of the area x light table under the chart (the chart's accessible twin). */
  public record AreaRow(String area, List<LightCount> counts) {}

  public record LightCount(String light, long count) {}

  @GET
  @Path("password")
  @io.quarkus.security.Authenticated
  public Response passwordForm(@QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return page(password.instance().data("required", mustChange()).data("error", null).data("done", done != null), Lang.of(lang, headers), uri, "password");
  }

  @POST
  @Path("password")
  @io.quarkus.security.Authenticated
  public Response changePassword(@FormParam("csrf") String token, @FormParam("currentPassword") String current,
      @FormParam("newPassword") String next, @Context HttpHeaders headers, @Context UriInfo uri) {
    csrf.require(token);
    String cookie;
    try {
      identity.changePassword(current, next, actor.get());
      // every session made before the change has ended, this one too: this browser gets a new one
      cookie = sessions.create(actor.get().username(), actor.twoFactor(), actor.get().clientIp());
    } catch (ProblemException e) {
      Response r = page(password.instance().data("required", mustChange()).data("error", describe(e)).data("done", false),
          Lang.of(null, headers), uri, "password");
      return Response.fromResponse(r).status(e.status()).build();
    }
    return Response.seeOther(URI.create("/staff/password?done=1")).cookie(LoginPage.sessionCookie(cookie)).build();
  }

  private boolean mustChange() {
    return actor.restriction() == org.duban.platform.Restriction.PASSWORD_CHANGE;
  }

  /** The landing page after sign-in: what the role does first. */
  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_, Role.SECURITY_, Role.AUDITOR_})
  public Response home() {
    Actor a = actor.get();
    String to = a.is(Role.LEADER_) || a.is(Role.OFFICE_) ? "/staff/dashboard"
        : a.is(Role.SECURITY_) || a.is(Role.AUDITOR_) ? "/staff/account" : "/staff/measures";
    return Response.seeOther(URI.create(to)).build();
  }

  @GET
  @Path("dashboard")
  @RolesAllowed({Role.LEADER_, Role.OFFICE_})
  public Response dashboard(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    Msg msg = l.english() ? en : zh;
    DashboardView view = dashboards.dashboard();
    Map<String, String> areaNames = new LinkedHashMap<>();
    for (Area a : Area.values()) {
      areaNames.put(a.name(), msg.area(a.name()));
    }
    Map<String, String> lightNames = new LinkedHashMap<>();
    for (String light : Charts.LIGHTS) {
      lightNames.put(light, msg.light(light));
    }
    List<AreaRow> areaRows = new java.util.ArrayList<>();
    for (Area a : Area.values()) {
      List<LightCount> counts = new java.util.ArrayList<>();
      for (String light : Charts.LIGHTS) {
        long n = view.byAreaAndLight().stream()
            .filter(c -> c.area().equals(a.name()) && c.light().equals(light))
            .mapToLong(DashboardView.AreaLight::count).sum();
        counts.add(new LightCount(light, n));
      }
      areaRows.add(new AreaRow(a.name(), counts));
    }
    return page(dashboard.instance()
            .data("view", view)
            .data("lights", Charts.LIGHTS)
            .data("areaRows", areaRows)
            .data("areaChart", Charts.areaLights(view.byAreaAndLight(), areaNames, lightNames, msg.byArea()))
            .data("trendChart", Charts.trend(view.trend(), lightNames, msg.trend())),
        l, uri, "dashboard");
  }

  @GET
  @Path("measures")
  public Response list(
      @QueryParam("area") String area,
      @QueryParam("light") String light,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("page") String pageParam,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    ListForm form = new ListForm(area, light, status, null, q, pageParam);
    Page<MeasureView> found = measureService.list(form.filter(), form.pageRequest(), actor.get());
    return page(form.fill(measures.instance(), found),
        l, uri, "measures");
  }

  @GET
  @Path("measures/{code}")
  public Response detail(
      @PathParam("code") String code,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return detailPage(code, Lang.of(lang, headers), uri, done, null, Response.Status.OK.getStatusCode());
  }

  // ---- forms: each calls the service the API calls, then 303 back to the measure ----

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
      SubmitReportRequest r = valid(new SubmitReportRequest(p, blankToNull(narrative), nz(publicSummary).strip(), List.of()));
      reportService.submit(code, r, actor.get());
    });
  }

  @POST
  @Path("measures/{code}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  public Response claimDone(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "claim", token, headers, uri,
        () -> measureService.claimDone(code, new NoteRequest(null), ifMatch(version), actor.get()));
  }

  @POST
  @Path("measures/{code}/verify")
  @RolesAllowed(Role.OFFICE_)
  public Response verify(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "verify", token, headers, uri,
        () -> measureService.verify(code, new NoteRequest(null), ifMatch(version), actor.get()));
  }

  @POST
  @Path("measures/{code}/reopen")
  @RolesAllowed(Role.OFFICE_)
  public Response reopen(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("version") String version,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "reopen", token, headers, uri,
        () -> measureService.reopen(code, valid(new ReasonRequest(nz(reason).strip())), ifMatch(version), actor.get()));
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
      measureService.postpone(code, valid(new PostponeRequest(date, nz(reason).strip())), ifMatch(version), actor.get());
    });
  }

  @POST
  @Path("measures/{code}/reports/{id}/accept")
  @RolesAllowed(Role.OFFICE_)
  public Response accept(@FormParam("csrf") String token, @PathParam("code") String code, @PathParam("id") long id,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "accept", token, headers, uri, () -> reportService.accept(reportOf(code, id), actor.get()));
  }

  @POST
  @Path("measures/{code}/reports/{id}/return")
  @RolesAllowed(Role.OFFICE_)
  public Response returnReport(@FormParam("csrf") String token, @PathParam("code") String code, @PathParam("id") long id,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(code, "return", token, headers, uri, () -> {
      String r = valid(new ReasonRequest(nz(reason).strip())).reason();
      reportService.returnReport(reportOf(code, id), r, actor.get());
    });
  }

  // ---- helpers ----

  /** The report, checked to belong to the measure the page is about. */
  private long reportOf(String code, long id) {
    ReportView r = reportService.get(id, actor.get());
    if (!r.measure().equals(code)) {
      throw ProblemException.notFound("Report " + id + " is not a report of " + code + ".");
    }
    return id;
  }

  private Response act(String code, String done, String token, HttpHeaders headers, UriInfo uri, Runnable action) {
    csrf.require(token);
    Lang l = Lang.of(null, headers);
    try {
      action.run();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return detailPage(code, l, uri, null, describe(e), e.status());
    }
    return Response.seeOther(URI.create("/staff/measures/" + urlPart(code) + "?done=" + done)).build();
  }

  private Response detailPage(String code, Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    MeasureView m = measureService.get(code, a);
    Page<ReportView> reports =
        a.is(Role.ADMIN_) ? new Page<>(List.of(), 0, 100, 0) : reportService.list(code, null, null, PageRequest.of(0, 100).validated(), a);
    Actions can = Actions.of(m, a);
    Response r = page(measure.instance()
            .data("m", m)
            .data("reports", reports.items())
            .data("can", can)
            .data("office", a.is(Role.OFFICE_))
            .data("done", done)
            .data("error", error)
            .data("today", calendar.today()),
        l, uri, "measures");
    return status == 200 ? r : Response.fromResponse(r).status(status).build();
  }

  private Response page(TemplateInstance instance, Lang l, UriInfo uri, String nav) {
    Actor a = actor.get();
    String html = instance
        .data("user", a.username())
        .data("csrf", csrf.token())
        .data("role", a.role())
        .data("nav", nav)
        .data("lang", l.code())
        .data("switchLink", uri.getRequestUriBuilder().replaceQueryParam("lang", l.other()).build().toString())
        .setLocale(l.locale())
        .render();
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .cookie(l.cookie())
        .header("Cache-Control", "no-store")
        .build();
  }

  private String describe(ProblemException e) {
    if (e.errors() != null && !e.errors().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      e.errors().forEach(f -> sb.append(sb.length() == 0 ? "" : "; ").append(f.field()).append(" ").append(f.message()));
      return sb.toString();
    }
    return e.getMessage();
  }

  private <T> T valid(T request) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      ConstraintViolation<T> v = violations.iterator().next();
      throw ProblemException.invalid(v.getPropertyPath().toString(), v.getMessage());
    }
    return request;
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
