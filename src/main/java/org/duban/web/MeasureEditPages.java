package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.duban.identity.CurrentActor;
import org.duban.identity.UnitService;
import org.duban.identity.dto.UnitView;
import org.duban.measure.Area;
import org.duban.measure.MeasureEditing;
import org.duban.measure.MeasureQueries;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The office's forms to create a measure and to edit what it promises, calling {@link
 * MeasureEditing} as the API does. A refusal re-renders the form with the reader's values and each
 * field's reason; a stale save (412: someone saved meanwhile) shows their values beside the
 * reader's, so nothing typed is lost.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.OFFICE_)
public class MeasureEditPages {

  private final Template edit;
  private final MeasureEditing editing;
  private final MeasureQueries queries;
  private final UnitService units;
  private final CurrentActor actor;
  private final StaffView view;

  public MeasureEditPages(@Location("staff/measure-edit.html") Template edit, MeasureEditing editing, MeasureQueries queries,
      UnitService units, CurrentActor actor, StaffView view) {
    this.edit = edit;
    this.editing = editing;
    this.queries = queries;
    this.units = units;
    this.actor = actor;
    this.view = view;
  }

  @GET
  @Path("measures/new")
  public Response newForm(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(null, MeasureEditForm.empty(), null, Lang.of(lang, headers), uri, 200);
  }

  @POST
  @Path("measures/new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> posted, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(posted.getFirst("csrf"));
    Lang l = Lang.of(null, headers);
    MeasureEditForm form = MeasureEditForm.posted(posted);
    CreateMeasureRequest r = form.toCreate(unitCodes(), msg(l));
    if (r == null) {
      return render(null, form, null, l, uri, 400);
    }
    try {
      MeasureView created = editing.create(view.valid(r), actor.get());
      return Response.seeOther(URI.create("/staff/measures/" + urlPart(created.code()) + "?done=created")).build();
    } catch (ProblemException e) {
      if (e.status() == 409) {
        form.error("code", msg(l).errExists());
      } else if (e.errors() != null && !e.errors().isEmpty()) {
        form.errorsOf(e.errors(), msg(l), l);
      } else {
        return render(null, form, StaffView.describe(e, l), l, uri, e.status());
      }
      return render(null, form, null, l, uri, e.status());
    }
  }

  @GET
  @Path("measures/{code}/edit")
  public Response editForm(@PathParam("code") String code, @QueryParam("lang") String lang, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    MeasureView m = queries.get(code, actor.get());
    return render(m.code(), MeasureEditForm.of(m), null, Lang.of(lang, headers), uri, 200);
  }

  @POST
  @Path("measures/{code}/edit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(@PathParam("code") String code, MultivaluedMap<String, String> posted, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    view.requireToken(posted.getFirst("csrf"));
    Lang l = Lang.of(null, headers);
    MeasureView m = queries.get(code, actor.get());
    MeasureEditForm form = MeasureEditForm.posted(posted);
    if (!form.version().matches("\\d{1,18}")) {
      form.staleAgainst(m);
      return render(m.code(), form, msg(l).errStale(), l, uri, 412);
    }
    PatchMeasureRequest r = form.toPatch(unitCodes(), msg(l));
    if (r == null) {
      return render(m.code(), form, null, l, uri, 400);
    }
    try {
      editing.update(m.code(), view.valid(r), Precondition.ifMatch(Precondition.etag(Long.parseLong(form.version()))), actor.get());
      return Response.seeOther(URI.create("/staff/measures/" + urlPart(m.code()) + "?done=edited")).build();
    } catch (ProblemException e) {
      if (e.status() == 412) {
        form.staleAgainst(queries.get(code, actor.get()));
        return render(m.code(), form, msg(l).errStale(), l, uri, 412);
      }
      if (e.status() == 404) {
        throw e;
      }
      if (e.errors() != null && !e.errors().isEmpty()) {
        form.errorsOf(e.errors(), msg(l), l);
        return render(m.code(), form, null, l, uri, e.status());
      }
      return render(m.code(), form, StaffView.describe(e, l), l, uri, e.status());
    }
  }

  private Response render(String code, MeasureEditForm form, String error, Lang l, UriInfo uri, int status) {
    List<UnitView> all = units.units();
    return view.render(edit.instance()
            .data("code", code)
            .data("form", form)
            .data("units", all)
            .data("areas", Area.values())
            .data("error", error)
            .data("milestoneShape", MeasureEditForm.MILESTONE_SHAPE)
            .data("targetShape", MeasureEditForm.TARGET_SHAPE),
        l, uri, "measures", status);
  }

  private Set<String> unitCodes() {
    return units.units().stream().map(UnitView::code).collect(Collectors.toSet());
  }

  static Msg msg(Lang l) {
    return l.english() ? MessageBundles.get(Msg.class, Localized.Literal.of("en")) : MessageBundles.get(Msg.class);
  }

  private static String urlPart(String code) {
    return URLEncoder.encode(code, StandardCharsets.UTF_8);
  }
}
