package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.scan.ScanService;
import org.duban.scan.dto.ScanResult;

/** The scan history (as GET /api/v1/scans) and "立即扫描" (as POST /api/v1/scans), for the office and the administrator. */
@Path("/staff/scans")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.ADMIN_})
public class ScanPages {

  /** The trigger a scan started from this page records. */
  static final String TRIGGER = "PAGE";

  private final Template page;
  private final ScanService scans;
  private final StaffView view;

  public ScanPages(@Location("staff/scans.html") Template page, ScanService scans, StaffView view) {
    this.page = page;
    this.scans = scans;
    this.view = view;
  }

  @GET
  public Response history(@QueryParam("page") String pageParam, @QueryParam("done") Long done, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(pageParam, done, null, Lang.of(lang, headers), uri, 200);
  }

  @POST
  public Response runNow(@FormParam("csrf") String csrf, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(csrf);
    try {
      ScanResult r = scans.run(TRIGGER);
      return Response.seeOther(URI.create("/staff/scans?done=" + r.id())).build();
    } catch (ProblemException e) {
      return render(null, null, StaffView.describe(e, Lang.of(null, headers)), Lang.of(null, headers), uri, e.status());
    }
  }

  private Response render(String pageParam, Long done, String error, Lang l, UriInfo uri, int status) {
    PageRequest request = new ListForm(null, null, null, null, null, pageParam).pageRequest();
    Page<ScanResult> found = scans.history(request);
    return view.render(Paging.of(page.instance(), found)
            .data("found", found)
            .data("done", done)
            .data("error", error),
        l, uri, "scans", status);
  }
}
