package org.duban.platform;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one funnel that turns exceptions into application/problem+json: the answer's shape
 * ({@link #response}: fixed titles and sentences), a {@link ProblemException}, a lost update
 * (412), and everything else (500, the only answer whose exception is logged). No class name,
 * stack trace or SQL reaches the client. Two neighbours map their own kinds through
 * {@link #response}: {@link SecurityRefusalMappers} (401, 403) and {@link RequestErrorMappers}
 * (invalid fields, unreadable JSON, what JAX-RS refuses).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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

  /**
   * The problem answer: its fixed English sentences, or their Chinese (ProblemTexts) when the request's
   * Accept-Language prefers zh; status, type and fields are the same in both.
   */
  public static Response response(
      HttpHeaders headers, int status, String title, String detail, String instance, List<Problem.FieldError> errors) {
    ProblemTexts.Language language = language(headers);
    Problem problem =
        ProblemTexts.translate(new Problem(
            "about:blank",
            title != null ? title : TITLES.getOrDefault(status, "Error"),
            status,
            detail != null ? detail : DETAILS.getOrDefault(status, "The request failed."),
            instance,
            errors == null || errors.isEmpty() ? null : errors), language);
    Response.ResponseBuilder builder =
        Response.status(status).type(Problem.MEDIA_TYPE).entity(problem)
            .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    if (status == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Duban\", charset=\"UTF-8\"");
    }
    return builder.build();
  }

  /** The language the request prefers for its problem answer (English without headers). */
  static ProblemTexts.Language language(HttpHeaders headers) {
    return ProblemTexts.preferred(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
    return response(headers, e.status(), e.title(), e.getMessage(), path(uri), e.errors());
  }

  @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
  public Response stale(RuntimeException e, UriInfo uri, HttpHeaders headers) {
    ProblemException p = ProblemException.preconditionFailed();
    return response(headers, 412, p.title(), p.getMessage(), path(uri), null);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof OptimisticLockException || cause instanceof StaleObjectStateException) {
        return stale((RuntimeException) cause, uri, headers);
      }
      if (cause instanceof ProblemException p) {
        return problem(p, uri, headers);
      }
      if (cause instanceof ConstraintViolationException c) {
        return RequestErrorMappers.invalidFields(c, uri, headers);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    LOG.error("Request failed", e);
    return response(headers, 500, null, null, path(uri), null);
  }

  static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
