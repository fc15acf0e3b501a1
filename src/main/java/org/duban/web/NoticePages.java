package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.platform.Page;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.scan.NoticeResource.NoticeState;
import org.duban.scan.NoticeService;
import org.duban.scan.dto.NoticeView;

/** The notice outbox for the office (as GET /api/v1/notices): filter by state, measure and region, retry a FAILED one. */
@Path("/staff/notices")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OFFICE_)
public class NoticePages {

  private final Template page;
  private final NoticeService notices;
  private final StaffView view;
  private final CurrentActor actor;
  private final Regions regions;

  public NoticePages(@Location("staff/notices.html") Template page, NoticeService notices, StaffView view, CurrentActor actor,
      Regions regions) {
    this.page = page;
    this.notices = notices;
    this.view = view;
    this.actor = actor;
    this.regions = regions;
  }

  @GET
  public Response list(@QueryParam("state") String state, @QueryParam("measure") String measure, @QueryParam("region") String region,
      @QueryParam("page") String pageParam, @QueryParam("done") Long done, @QueryParam("digest") String digest,
      @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    try {
      return render(state, measure, region, digest, pageParam, done, null, l, uri, 200);
    } catch (ProblemException e) {
      // an unknown region or one outside the account's: the page says why, with that status, and lists the account's own
      return render(state, measure, null, null, pageParam, done, StaffView.describe(e, l), l, uri, e.status());
    }
  }

  @POST
  @Path("{id}/retry")
  public Response retry(@FormParam("csrf") String csrf, @PathParam("id") long id, @FormParam("state") String state,
      @FormParam("measure") String measure, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(csrf);
    try {
      notices.retry(id, actor.get());
    } catch (ProblemException e) {
      return render(state, measure, null, null, null, null, StaffView.describe(e, Lang.of(null, headers)), Lang.of(null, headers), uri,
          e.status());
    }
    return Response.seeOther(URI.create("/staff/notices?done=" + id + query(state, measure, null, null))).build();
  }

  private Response render(String state, String measure, String region, String digestParam, String pageParam, Long done, String error,
      Lang l, UriInfo uri, int status) {
    String s = ListForm.blank(state) ? null : Params.enumOf(NoticeState.class, "state", state.strip()).name();
    String m = ListForm.blank(measure) ? null : Params.textOf("measure", measure.strip(), 24);
    String r = ListForm.blank(region) ? null : region.strip();
    Long digest = org.duban.scan.NoticeResource.digestOf(digestParam);
    Page<NoticeView> found = notices.list(m, s, r, digest, new ListForm(null, null, null, null, null, pageParam).pageRequest(), actor.get());
    return view.render(Paging.of(page.instance(), found)
            .data("found", found)
            .data("states", Arrays.stream(NoticeState.values()).map(Enum::name).toList())
            .data("state", s == null ? "" : s)
            .data("measure", m == null ? "" : m)
            .data("regionChoices", DashboardPage.regionChoices(regions, actor.get()))
            .data("region", r == null ? "" : r)
            .data("digest", digest)
            .data("query", query(s, m, r, digest))
            .data("done", done)
            .data("error", error),
        l, uri, "notices", status);
  }

  private static String query(String state, String measure, String region, Long digest) {
    StringBuilder sb = new StringBuilder();
    if (digest != null) {
      sb.append("&digest=").append(digest);
    }
    if (!ListForm.blank(region)) {
      sb.append("&region=").append(URLEncoder.encode(region.strip(), StandardCharsets.UTF_8));
    }
    if (!ListForm.blank(state)) {
      sb.append("&state=").append(URLEncoder.encode(state.strip(), StandardCharsets.UTF_8));
    }
    if (!ListForm.blank(measure)) {
      sb.append("&measure=").append(URLEncoder.encode(measure.strip(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
