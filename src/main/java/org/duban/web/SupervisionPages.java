package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duban.evidence.EvidenceStore;
import org.duban.evidence.OwnerKind;
import org.duban.evidence.dto.FileView;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.measure.MeasureLifecycle;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.platform.Actor;
import org.duban.platform.Page;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;
import org.duban.reporting.dto.SubmitReportRequest;
import org.duban.supervision.RectificationResource;
import org.duban.supervision.RectificationService;
import org.duban.supervision.SupervisionService;
import org.duban.supervision.dto.GroupRequest;
import org.duban.supervision.dto.GroupView;
import org.duban.supervision.dto.InspectionRequest;
import org.duban.supervision.dto.InspectionView;
import org.duban.supervision.dto.RectificationRequest;
import org.duban.supervision.dto.RectificationView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The supervision pages (督导, issue 15): a leader's desk, the rectification items (list, page and
 * its forms: report, review, claim done, verify, reopen, evidence files), the inspections (list,
 * record, page, make a finding a rectification item) and the guidance groups. Each calls the same
 * services as the API ({@link SupervisionService}, {@link RectificationService}, ReportService,
 * MeasureLifecycle, EvidenceStore); a form shows only to who may use it, answers 303 back to its
 * page, and a refusal re-renders the page with the reason and the refusal's status.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
public class SupervisionPages {

  private final Template desk;
  private final Template rectifications;
  private final Template rectification;
  private final Template inspections;
  private final Template inspection;
  private final Template groups;
  private final SupervisionService supervision;
  private final RectificationService items;
  private final ReportService reports;
  private final MeasureLifecycle lifecycle;
  private final EvidenceStore store;
  private final Regions regions;
  private final CurrentActor actor;
  private final StaffView view;

  public SupervisionPages(@Location("staff/desk.html") Template desk, @Location("staff/rectifications.html") Template rectifications,
      @Location("staff/rectification.html") Template rectification, @Location("staff/inspections.html") Template inspections,
      @Location("staff/inspection.html") Template inspection, @Location("staff/groups.html") Template groups,
      SupervisionService supervision, RectificationService items, ReportService reports, MeasureLifecycle lifecycle, EvidenceStore store,
      Regions regions, CurrentActor actor, StaffView view) {
    this.desk = desk;
    this.rectifications = rectifications;
    this.rectification = rectification;
    this.inspections = inspections;
    this.inspection = inspection;
    this.groups = groups;
    this.supervision = supervision;
    this.items = items;
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.store = store;
    this.regions = regions;
    this.actor = actor;
    this.view = view;
  }

  // --- a leader's desk

  @GET
  @Path("desk")
  @RolesAllowed(Role.LEADER_)
  public Response desk(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return view.render(desk.instance().data("home", supervision.home(actor.get())), Lang.of(lang, headers), uri, "desk");
  }

  // --- rectification items

  @GET
  @Path("rectifications")
  public Response rectifications(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
      @QueryParam("page") String pageParam, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    ListForm paging = new ListForm(null, null, null, null, null, pageParam);
    Page<RectificationView> found = items.list(null, ListForm.blank(status) ? null : status.strip(),
        ListForm.blank(overdue) ? null : overdue.strip(), null, null, null, paging.pageRequest(), actor.get());
    StringBuilder query = new StringBuilder();
    String[][] pairs = {{"status", status}, {"overdue", overdue}};
    for (String[] p : pairs) {
      if (!ListForm.blank(p[1])) {
        query.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1].strip(), StandardCharsets.UTF_8));
      }
    }
    return view.render(Paging.of(rectifications.instance(), found)
            .data("found", found)
            .data("statuses", MeasureStatus.values())
            .data("status", ListForm.nz(status))
            .data("overdue", ListForm.nz(overdue))
            .data("query", query.toString()),
        Lang.of(lang, headers), uri, "rectifications");
  }

  @GET
  @Path("rectifications/{id}")
  public Response rectification(@PathParam("id") String id, @QueryParam("done") String done, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return renderItem(RectificationResource.number(id), Lang.of(lang, headers), uri, done, null, 200);
  }

  /** What the reader may do to an item, by the rules of the services (ItemScope's office and unit, the evidence store's). */
  public record ItemActions(boolean report, boolean claimDone, boolean review, boolean verify, boolean reopen, boolean upload) {
    public boolean any() {
      return report || claimDone || verify || reopen || upload;
    }
  }

  ItemActions actions(RectificationView r, Actor a) {
    boolean office = a.is(Role.OFFICE_) && regions.covers(a, r.region().code());
    boolean unit = a.is(Role.REPORTER_) && r.unit().code().equals(a.unitCode());
    MeasureStatus s = r.status();
    boolean open = s != MeasureStatus.VERIFIED;
    return new ItemActions(
        (office || unit) && open,
        unit && (s == MeasureStatus.NOT_STARTED || s == MeasureStatus.IN_PROGRESS),
        office && open,
        office && s == MeasureStatus.CLAIMED_DONE,
        office && (s == MeasureStatus.CLAIMED_DONE || s == MeasureStatus.VERIFIED),
        open && store.mayAttach(OwnerKind.RECTIFICATION, r.id(), a));
  }

  private Response renderItem(long number, Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    RectificationView r = items.get(number, a);
    List<ReportView> found = reports.list(r.code(), null, null, org.duban.platform.PageRequest.of(0, 100).validated(), a).items();
    List<FileView> files = store.list(OwnerKind.RECTIFICATION, number, a);
    return view.render(rectification.instance()
            .data("r", r)
            .data("reports", found)
            .data("files", files)
            .data("can", actions(r, a))
            .data("maxMb", (int) (store.maxBytes() / (1024 * 1024)))
            .data("done", done)
            .data("error", error),
        l, uri, "rectifications", status);
  }

  @POST
  @Path("rectifications/{id}/reports")
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  public Response submitReport(@FormParam("csrf") String token, @PathParam("id") String id, @FormParam("progress") String progress,
      @FormParam("publicSummary") String publicSummary, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "report", token, headers, uri, code -> {
      Integer p;
      try {
        p = Integer.valueOf(ListForm.nz(progress).strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("progress", "must be a whole number from 0 to 100");
      }
      reports.submit(code, view.valid(new SubmitReportRequest(p, null, ListForm.nz(publicSummary).strip(), List.of())), actor.get());
    });
  }

  @POST
  @Path("rectifications/{id}/reports/{report}/accept")
  @RolesAllowed(Role.OFFICE_)
  public Response accept(@FormParam("csrf") String token, @PathParam("id") String id, @PathParam("report") long report,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "accept", token, headers, uri, code -> reports.accept(reportOf(code, report), actor.get()));
  }

  @POST
  @Path("rectifications/{id}/reports/{report}/return")
  @RolesAllowed(Role.OFFICE_)
  public Response returnReport(@FormParam("csrf") String token, @PathParam("id") String id, @PathParam("report") long report,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "return", token, headers, uri, code -> {
      String r = view.valid(new ReasonRequest(ListForm.nz(reason).strip())).reason();
      reports.returnReport(reportOf(code, report), r, actor.get());
    });
  }

  @POST
  @Path("rectifications/{id}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  public Response claimDone(@FormParam("csrf") String token, @PathParam("id") String id, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "claim", token, headers, uri, code -> items.step(RectificationResource.number(id), actor.get(),
        c -> lifecycle.claimDone(c, new NoteRequest(null), ifMatch(version), actor.get())));
  }

  @POST
  @Path("rectifications/{id}/verify")
  @RolesAllowed(Role.OFFICE_)
  public Response verify(@FormParam("csrf") String token, @PathParam("id") String id, @FormParam("version") String version,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "verify", token, headers, uri, code -> items.step(RectificationResource.number(id), actor.get(),
        c -> lifecycle.verify(c, new NoteRequest(null), ifMatch(version), actor.get())));
  }

  @POST
  @Path("rectifications/{id}/reopen")
  @RolesAllowed(Role.OFFICE_)
  public Response reopen(@FormParam("csrf") String token, @PathParam("id") String id, @FormParam("version") String version,
      @FormParam("reason") String reason, @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "reopen", token, headers, uri, code -> {
      ReasonRequest r = view.valid(new ReasonRequest(ListForm.nz(reason).strip()));
      items.step(RectificationResource.number(id), actor.get(), c -> lifecycle.reopen(c, r, ifMatch(version), actor.get()));
    });
  }

  @POST
  @Path("rectifications/{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  public Response upload(@RestForm("csrf") String token, @PathParam("id") String id, @RestForm("file") FileUpload file,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(id, "file", token, headers, uri, code -> {
      if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
        throw ProblemException.invalid("file", "a multipart part named file is required");
      }
      store.attach(OwnerKind.RECTIFICATION, RectificationResource.number(id), file.uploadedFile(), file.fileName(), actor.get());
    });
  }

  private interface Step {
    void run(String code);
  }

  private Response act(String id, String done, String token, HttpHeaders headers, UriInfo uri, Step step) {
    view.requireToken(token);
    long number = RectificationResource.number(id);
    String code = items.code(number, actor.get()); // 404 for an item the reader does not read
    Lang l = Lang.of(null, headers);
    try {
      step.run(code);
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return renderItem(number, l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/rectifications/" + number + "?done=" + done)).build();
  }

  private long reportOf(String code, long id) {
    ReportView r = reports.get(id, actor.get());
    if (!r.measure().equals(code)) {
      throw ProblemException.notFound("Report " + id + " is not a report of " + code + ".");
    }
    return id;
  }

  // --- inspections

  @GET
  @Path("inspections")
  public Response inspections(@QueryParam("page") String pageParam, @QueryParam("lang") String lang, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return renderInspections(pageParam, Lang.of(lang, headers), uri, null, 200);
  }

  private Response renderInspections(String pageParam, Lang l, UriInfo uri, String error, int status) {
    Actor a = actor.get();
    Page<InspectionView> found = supervision.inspections(null, new ListForm(null, null, null, null, null, pageParam).pageRequest(), a);
    List<GroupView> mine = a.is(Role.OFFICE_) || a.is(Role.LEADER_)
        ? supervision.groups().stream().filter(g -> a.is(Role.OFFICE_) || g.members().contains(a.username())).toList()
        : List.of();
    return view.render(Paging.of(inspections.instance(), found)
            .data("found", found)
            .data("groups", mine)
            .data("mayRecord", !mine.isEmpty())
            .data("error", error),
        l, uri, "inspections", status);
  }

  @POST
  @Path("inspections")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  public Response record(@FormParam("csrf") String token, @FormParam("group") String group, @FormParam("date") String date,
      @FormParam("unit") String unit, @FormParam("items") String itemCodes, @FormParam("findings") String findings,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    InspectionView i;
    try {
      Long g;
      try {
        g = Long.valueOf(ListForm.nz(group).strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("group", "choose a guidance group");
      }
      i = supervision.recordInspection(view.valid(new InspectionRequest(g, date("date", date), ListForm.nz(unit).strip(), null,
          list(itemCodes), ListForm.nz(findings).strip())), actor.get());
    } catch (ProblemException e) {
      return renderInspections(null, l, uri, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/inspections/" + i.id() + "?done=created")).build();
  }

  @GET
  @Path("inspections/{id}")
  public Response inspection(@PathParam("id") String id, @QueryParam("done") String done, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return renderInspection(inspectionId(id), Lang.of(lang, headers), uri, done, null, 200);
  }

  private Response renderInspection(long id, Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    InspectionView i = supervision.inspection(id, a);
    List<RectificationView> born = new ArrayList<>();
    for (long n : i.rectifications()) {
      try {
        born.add(items.get(n, a));
      } catch (ProblemException unreadable) {
        // the page lists only what its reader reads
      }
    }
    boolean mayConvert = a.is(Role.OFFICE_)
        && (regions.covers(a, i.region()) || supervision.group(i.group()).members().contains(a.username()));
    return view.render(inspection.instance()
            .data("i", i)
            .data("born", born)
            .data("mayConvert", mayConvert)
            .data("firstItem", i.items().isEmpty() ? "" : i.items().get(0))
            .data("done", done)
            .data("error", error),
        l, uri, "inspections", status);
  }

  @POST
  @Path("inspections/{id}/rectifications")
  @RolesAllowed(Role.OFFICE_)
  public Response convert(@FormParam("csrf") String token, @PathParam("id") String id, @FormParam("concerns") String concerns,
      @FormParam("unit") String unit, @FormParam("deadline") String deadline, @FormParam("title") String title,
      @FormParam("finding") String finding, @FormParam("requiredOutcome") String requiredOutcome,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    long inspectionId = inspectionId(id);
    supervision.inspection(inspectionId, actor.get()); // 404 for an inspection the reader does not read
    Lang l = Lang.of(null, headers);
    RectificationView r;
    try {
      r = items.create(view.valid(new RectificationRequest(ListForm.nz(concerns).strip(), ListForm.nz(unit).strip(), date("deadline", deadline),
          ListForm.nz(title).strip(), ListForm.nz(finding).strip(), ListForm.nz(requiredOutcome).strip(), inspectionId, null)), actor.get());
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return renderInspection(inspectionId, l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/rectifications/" + r.id() + "?done=created")).build();
  }

  private static long inspectionId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no inspection " + id + ".");
    }
  }

  // --- guidance groups

  @GET
  @Path("groups")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  public Response groups(@QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return renderGroups(Lang.of(lang, headers), uri, done, null, 200);
  }

  private Response renderGroups(Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    return view.render(groups.instance()
            .data("groups", supervision.groups())
            .data("mayCreate", a.is(Role.OFFICE_) && Regions.provincial(a))
            .data("done", done)
            .data("error", error),
        l, uri, "groups", status);
  }

  @POST
  @Path("groups")
  @RolesAllowed(Role.OFFICE_)
  public Response createGroup(@FormParam("csrf") String token, @FormParam("name") String name, @FormParam("members") String members,
      @FormParam("regions") String regionCodes, @FormParam("units") String units, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    try {
      supervision.createGroup(view.valid(new GroupRequest(ListForm.nz(name).strip(), list(members), list(regionCodes), list(units))), actor.get());
    } catch (ProblemException e) {
      return renderGroups(l, uri, null, StaffView.describe(e, l), e.status());
    }
    return Response.seeOther(URI.create("/staff/groups?done=saved")).build();
  }

  // --- helpers

  private static List<String> list(String text) {
    return Arrays.stream(ListForm.nz(text).split("[,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(ListForm.nz(text).strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a date such as 2022-03-31");
    }
  }

  private static Precondition ifMatch(String version) {
    if (version == null || !version.strip().matches("\\d{1,18}")) {
      throw ProblemException.invalid("version", "the page is out of date: reload it");
    }
    return Precondition.ifMatch(Precondition.etag(Long.parseLong(version.strip())));
  }
}
