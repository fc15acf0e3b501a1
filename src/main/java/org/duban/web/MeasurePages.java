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
import org.duban.identity.CurrentActor;
import org.duban.measure.MeasureQueries;
import org.duban.measure.dto.MeasureView;
import org.duban.platform.Page;
import org.duban.platform.Role;

/** The measure list (with the API's filters) and a measure's page; the forms post to {@link MeasureForms}. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
public class MeasurePages {

  private final Template measures;
  private final MeasureQueries queries;
  private final MeasureDetailView detail;
  private final CurrentActor actor;
  private final StaffView view;

  public MeasurePages(@Location("staff/measures.html") Template measures, MeasureQueries queries, MeasureDetailView detail,
      CurrentActor actor, StaffView view) {
    this.measures = measures;
    this.queries = queries;
    this.detail = detail;
    this.actor = actor;
    this.view = view;
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
    ListForm form = new ListForm(area, light, status, null, q, pageParam);
    Page<MeasureView> found = queries.list(form.filter(), form.pageRequest(), actor.get());
    return view.render(form.fill(measures.instance(), found).data("canCreate", Actions.mayCreate(actor.get())),
        Lang.of(lang, headers), uri, "measures");
  }

  @GET
  @Path("measures/{code}")
  public Response detail(
      @PathParam("code") String code,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return detail.render(code, Lang.of(lang, headers), uri, done, null, Response.Status.OK.getStatusCode());
  }
}
