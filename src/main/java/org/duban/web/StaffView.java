package org.duban.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.duban.identity.CurrentActor;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.ProblemTexts;

/**
 * What every staff page shares: the frame's data (who is signed in, the form token, the role, the
 * menu entry, the language switch), no caching, the language cookie; and how a refusal reads on a
 * page (the problem's detail, or each field and why) and how a form's values are validated with the
 * same constraints as the API's request bodies.
 */
@ApplicationScoped
public class StaffView {

  private final CurrentActor actor;
  private final CsrfTokens csrf;
  private final Validator validator;

  public StaffView(CurrentActor actor, CsrfTokens csrf, Validator validator) {
    this.actor = actor;
    this.csrf = csrf;
    this.validator = validator;
  }

  /** The page in its frame; {@code nav} marks the menu entry. A restricted sign-in shows no role. */
  Response render(TemplateInstance instance, Lang l, UriInfo uri, String nav, int status) {
    Actor a = actor.get();
    String html = instance
        .data("user", a.username())
        .data("csrf", csrf.token())
        .data("role", actor.restriction() == null ? a.role() : null)
        .data("nav", nav)
        .data("lang", l.code())
        .data("switchLink", uri.getRequestUriBuilder().replaceQueryParam("lang", l.other()).build().toString())
        .setLocale(l.locale())
        .render();
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
        .cookie(l.cookie())
        .header("Cache-Control", "no-store")
        .build();
  }

  Response render(TemplateInstance instance, Lang l, UriInfo uri, String nav) {
    return render(instance, l, uri, nav, 200);
  }

  /** The form token of this session must come back with every form (CSRF). */
  void requireToken(String token) {
    csrf.require(token);
  }

  /**
   * How a refusal reads on a page in its language: the problem's detail, or each field and why; in
   * Chinese by the API's own table (ProblemTexts), so a page and the API say the same.
   */
  /** A problem sentence (the API's English) as the page's language reads it. */
  static String text(String english, Lang l) {
    return ProblemTexts.in(l.english() ? ProblemTexts.Language.EN : ProblemTexts.Language.ZH, english);
  }

  static String describe(ProblemException e, Lang l) {
    ProblemTexts.Language language = l.english() ? ProblemTexts.Language.EN : ProblemTexts.Language.ZH;
    if (e.errors() != null && !e.errors().isEmpty()) {
      String between = l.english() ? " " : "：";
      String separator = l.english() ? "; " : "；";
      StringBuilder sb = new StringBuilder();
      e.errors().forEach(f -> sb.append(sb.length() == 0 ? "" : separator)
          .append(f.field() == null ? "" : f.field() + between).append(ProblemTexts.in(language, f.message())));
      return sb.toString();
    }
    return ProblemTexts.in(language, e.getMessage());
  }

  /** The request, or 400 with its first broken constraint (the API's rules for the same body). */
  <T> T valid(T request) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      ConstraintViolation<T> v = violations.iterator().next();
      throw ProblemException.invalid(v.getPropertyPath().toString(), v.getMessage());
    }
    return request;
  }
}
