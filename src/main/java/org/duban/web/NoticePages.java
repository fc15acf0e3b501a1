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
import org.duban.platform.Page;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.scan.NoticeResource.NoticeState;
import org.duban.scan.NoticeService;
import org.duban.scan.dto.NoticeView;

/** The notice outbox for the office (as GET /api/v1/notices): filter by state and measure, retry a FAILED one. */
@Path("/staff/notices")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OFFICE_)
public class NoticePages {

  private final Template page;
  private final NoticeService notices;
  private final StaffView view;

  public NoticePages(@Location("staff/notices.html") Template page, NoticeService notices, StaffView view) {
    this.page = page;
    this.notices = notices;
    this.view = view;
  }

  @GET
  public Response list(@QueryParam("state") String state, @QueryParam("measure") String measure, @QueryParam("page") String pageParam,
      @QueryParam("done") Long done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(state, measure, pageParam, done, null, Lang.of(lang, headers), uri, 200);
  }

  @POST
  @Path("{id}/retry")
  public Response retry(@FormParam("csrf") String csrf, @PathParam("id") long id, @FormParam("state") String state,
      @FormParam("measure") String measure, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(csrf);
    try {
      notices.retry(id);
    } catch (ProblemException e) {
      return render(state, measure, null, null, StaffView.describe(e, Lang.of(null, headers)), Lang.of(null, headers), uri, e.status());
    }
    return Response.seeOther(URI.create("/staff/notices?done=" + id + query(state, measure))).build();
  }

  private Response render(String state, String measure, String pageParam, Long done, String error, Lang l, UriInfo uri, int status) {
    String s = ListForm.blank(state) ? null : Params.enumOf(NoticeState.class, "state", state.strip()).name();
    String m = ListForm.blank(measure) ? null : Params.textOf("measure", measure.strip(), 16);
    Page<NoticeView> found = notices.list(m, s, new ListForm(null, null, null, null, null, pageParam).pageRequest());
    return view.render(Paging.of(page.instance(), found)
            .data("found", found)
            .data("states", Arrays.stream(NoticeState.values()).map(Enum::name).toList())
            .data("state", s == null ? "" : s)
            .data("measure", m == null ? "" : m)
            .data("query", query(s, m))
            .data("done", done)
            .data("error", error),
        l, uri, "notices", status);
  }

  private static String query(String state, String measure) {
    StringBuilder sb = new StringBuilder();
    if (!ListForm.blank(state)) {
      sb.append("&state=").append(URLEncoder.encode(state.strip(), StandardCharsets.UTF_8));
    }
    if (!ListForm.blank(measure)) {
      sb.append("&measure=").append(URLEncoder.encode(measure.strip(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
