package org.duban.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns exceptions into application/problem+json. Messages are fixed sentences;
 * only a 500 logs the exception, and no class name, stack trace or SQL reaches the client.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final jakarta.enterprise.event.Event<SecurityNotice> notices;
  private final ClientAddress clients;
  private final io.vertx.core.http.HttpServerRequest request;
  private final io.quarkus.security.identity.CurrentIdentityAssociation identity;

  public ProblemMappers(
      jakarta.enterprise.event.Event<SecurityNotice> notices,
      ClientAddress clients,
      io.vertx.core.http.HttpServerRequest request,
      io.quarkus.security.identity.CurrentIdentityAssociation identity) {
    this.notices = notices;
    this.clients = clients;
    this.request = request;
    this.identity = identity;
  }

  /** A refusal goes to the audit trail (asynchronously: nothing waits for it). */
  private void audit(String action, String actor, String result, String detail) {
    try {
      String target = request.method() + " " + request.path();
      notices.fireAsync(new SecurityNotice(actor, clients.of(request), action, target, result, detail));
    } catch (RuntimeException e) {
      LOG.errorf(e, "AUDIT EVENT LOST: %s %s %s", action, actor, result);
    }
  }

  /** The user name a Basic header tries, if any (never the password). */
  private String basicUser() {
    String h = request.getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(java.util.Base64.getDecoder().decode(h.substring(6).trim()), java.nio.charset.StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, Math.min(colon, 64));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Restriction restriction() {
    try {
      var id = identity.getIdentity();
      return id == null ? null : id.getAttribute(Restriction.ATTRIBUTE);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String currentUser() {
    try {
      var id = identity.getIdentity();
      return id == null || id.isAnonymous() ? null : id.getPrincipal().getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not found"),
          Map.entry(405, "Method not allowed"),
          Map.entry(406, "Not acceptable"),
          Map.entry(409, "Conflict"),
          Map.entry(412, "Precondition failed"),
          Map.entry(413, "Payload too large"),
          Map.entry(415, "Unsupported media type"),
          Map.entry(428, "Precondition required"),
          Map.entry(429, "Too many requests"),
          Map.entry(500, "Internal error"));

  static final Map<Integer, String> DETAILS =
      Map.ofEntries(
          Map.entry(400, "The request could not be understood."),
          Map.entry(401, "Sign in: this resource needs an account."),
          Map.entry(403, "Your role may not do this."),
          Map.entry(404, "There is nothing here."),
          Map.entry(405, "This resource does not take that method."),
          Map.entry(406, "This resource cannot answer in the media type you asked for."),
          Map.entry(409, "The request conflicts with the current state."),
          Map.entry(413, "The request body is larger than 64 KiB."),
          Map.entry(415, "Send application/json (UTF-8)."),
          Map.entry(500, "Something went wrong on our side; it has been logged."));

  public static Response response(
      int status, String title, String detail, String instance, List<Problem.FieldError> errors) {
    Problem problem =
        new Problem(
            "about:blank",
            title != null ? title : TITLES.getOrDefault(status, "Error"),
            status,
            detail != null ? detail : DETAILS.getOrDefault(status, "The request failed."),
            instance,
            errors == null || errors.isEmpty() ? null : errors);
    Response.ResponseBuilder builder =
        Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    if (status == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Duban\", charset=\"UTF-8\"");
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return response(e.status(), e.title(), e.getMessage(), path(uri), e.errors());
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    // nobody is signed in: a refusal of nobody in particular, tallied per address (a user name in an
    // unchecked header is the caller's invention, never an actor)
    audit("DENIED", null, "DENIED", "401");
    if (isPage(uri)) {
      return toLogin();
    }
    return response(401, null, null, path(uri), null);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    String user = basicUser();
    if (user != null) {
      // a password tried over Basic: counted against the account unless it was right but refused
      boolean refused = Refused.is(e);
      audit("LOGIN_FAILED", user, refused ? "REFUSED" : "FAILED", refused ? "basic: " + e.getMessage() : "basic");
    } else {
      // a session cookie or token that no longer counts: nobody is known, so it is tallied, not written each time
      audit("DENIED", null, "DENIED", "401 " + (isPage(uri) ? "session" : "token"));
    }
    if (isPage(uri)) {
      // the dead session cookie goes, and the reader to the login form
      return Response.seeOther(java.net.URI.create("/login"))
          .header("Set-Cookie", "duban-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
          .build();
    }
    return response(401, null, "The user name or password is wrong.", path(uri), null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    audit("DENIED", currentUser(), "DENIED", "403");
    Restriction restriction = restriction();
    if (restriction != null && isPage(uri)) {
      return Response.seeOther(java.net.URI.create(restriction.page())).build();
    }
    if (restriction != null) {
      return response(403, null, restriction.sentence(), path(uri), null);
    }
    if (isPage(uri)) {
      return Response.status(403)
          .type("text/html; charset=UTF-8")
          .entity("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>403</title></head><body>"
              + "<h1>无权访问此页面 · You may not open this page</h1><p><a href=\"/staff\">返回 · Back</a></p></body></html>")
          .build();
    }
    return response(403, null, null, path(uri), null);
  }

  /** Staff pages send an anonymous reader to the login form instead of a Basic challenge. */
  private static boolean isPage(UriInfo uri) {
    String p = uri == null ? "" : uri.getPath();
    return p.equals("/staff") || p.startsWith("/staff/") || p.equals("/logout");
  }

  private static Response toLogin() {
    return Response.seeOther(java.net.URI.create("/login")).build();
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .collect(Collectors.toList());
    return response(
        400, "Invalid request", "The request has invalid fields.", path(uri), errors);
  }

  // Quarkus ships mappers for the Jackson subtypes; naming each one here makes ours the closest match.
  @ServerExceptionMapper(priority = 1)
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mapping(JsonMappingException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response parse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = pathOf(unknown);
      return response(
          400,
          "Invalid request",
          "The request has a field this operation does not take.",
          path(uri),
          List.of(new Problem.FieldError(field, "unknown or read-only field")));
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      JsonMappingException mapping = (JsonMappingException) e;
      String field = pathOf(mapping);
      if (!field.isEmpty()) {
        String expected =
            mapping instanceof MismatchedInputException m && m.getTargetType() != null
                ? describe(m.getTargetType())
                : "a valid value";
        return response(
            400,
            "Invalid request",
            "The request has invalid fields.",
            path(uri),
            List.of(new Problem.FieldError(field, "must be " + expected)));
      }
    }
    if (e instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()) {
      return response(
          400,
          "Invalid request",
          "The request has invalid fields.",
          path(uri),
          List.of(new Problem.FieldError(pathOf(mapping), "is not a valid value")));
    }
    if (e instanceof MismatchedInputException) {
      return response(
          400, "Invalid request", "The request body does not have the documented shape (a JSON object).", path(uri), null);
    }
    return response(400, "Malformed JSON", "The request body is not well-formed JSON.", path(uri), null);
  }

  @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
  public Response stale(RuntimeException e, UriInfo uri) {
    ProblemException p = ProblemException.preconditionFailed();
    return response(412, p.title(), p.getMessage(), path(uri), null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json, uri);
    }
    if (status >= 500) {
      LOG.error("Request failed", e);
    }
    return response(status, null, null, path(uri), null);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof OptimisticLockException || cause instanceof StaleObjectStateException) {
        return stale((RuntimeException) cause, uri);
      }
      if (cause instanceof ProblemException p) {
        return problem(p, uri);
      }
      if (cause instanceof ConstraintViolationException c) {
        return validation(c, uri);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    LOG.error("Request failed", e);
    return response(500, null, null, path(uri), null);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    // Drop the method and parameter nodes: "create.request.progress" becomes "progress".
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        if (node.getKind() == ElementKind.PARAMETER) {
          field.setLength(0);
          field.append(node.getName());
        }
        continue;
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() != null && node.getName().startsWith("<")) {
        field.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
        continue;
      }
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
        if (isBodyParameter(field)) {
          field.setLength(0);
        }
        if (node.getName() == null) {
          continue;
        }
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        }
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }

  private static boolean isBodyParameter(StringBuilder field) {
    String name = field.toString();
    return name.equals("request") || name.equals("body");
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == java.time.LocalDate.class) {
      return "a calendar date (YYYY-MM-DD)";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.toString();
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a valid value";
  }
}
