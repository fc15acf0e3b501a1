package org.duban.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 as problem+json before a too-large body is read: a declared Content-Length over
 * quarkus.http.limits.max-body-size is refused at once. (A chunked body over the limit is cut off
 * by Vert.x itself, also with 413.)
 */
@ApplicationScoped
public class BodyLimit {

  /** The catalogue import (up to TRACKER_IMPORT_MAX_SIZE); evidence uploads (TRACKER_EVIDENCE_MAX_MB); every other body is JSON (up to TRACKER_MAX_BODY_SIZE). */
  static final String IMPORT_PATH = "/api/v1/measures/import";
  /** The catalogue page's upload (multipart), the same file as IMPORT_PATH's. */
  static final String IMPORT_PAGE_PATH = "/staff/catalogue/upload";

  /** Where evidence files are uploaded (issue 15): the owners' files endpoints and the pages' forms. */
  static final java.util.regex.Pattern EVIDENCE_PATH =
      java.util.regex.Pattern.compile("/api/v1/(reports|visits|inspections|rectifications)/[^/]+/files|/staff/reports/[^/]+/files");
  /** The multipart framing around an evidence file (boundaries, part headers). */
  static final long EVIDENCE_FRAMING = 1024L * 1024L;

  private final long fileLimit;
  private final long jsonLimit;
  private final long evidenceLimit;

  public BodyLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLimit, TrackerConfig config) {
    long http = httpLimit.asLongValue();
    this.fileLimit = Math.min(http, config.importMaxSize().asLongValue());
    this.jsonLimit = Math.min(http, config.maxBodySize().asLongValue());
    long evidence = config.evidence().maxMb() * 1024L * 1024L + EVIDENCE_FRAMING;
    if (evidence > http) {
      org.jboss.logging.Logger.getLogger(BodyLimit.class).warnf(
          "TRACKER_EVIDENCE_MAX_MB=%d needs QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE of at least %dM: uploads stop at %d bytes",
          config.evidence().maxMb(), config.evidence().maxMb() + 1, http);
    }
    this.evidenceLimit = Math.min(http, evidence);
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              String path = ctx.request().path();
              long limit = IMPORT_PATH.equals(path) || IMPORT_PAGE_PATH.equals(path) ? fileLimit
                  : EVIDENCE_PATH.matcher(path).matches() ? evidenceLimit : jsonLimit;
              if (length != null && tooLarge(length, limit)) {
                ProblemTexts.Language language = ProblemTexts.preferred(ctx.request().getHeader("Accept-Language"));
                String body =
                    "{\"type\":\"about:blank\",\"title\":\"" + ProblemTexts.in(language, "Payload too large") + "\",\"status\":413,"
                        + "\"detail\":\"" + ProblemTexts.in(language, "The request body is larger than " + (limit / 1024) + " KiB.")
                        + "\",\"instance\":\"" + escape(ctx.request().path()) + "\"}";
                ctx.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", language.tag())
                    .putHeader("Vary", "Accept-Language")
                    .putHeader("Connection", "close")
                    .end(Buffer.buffer(body));
                return;
              }
              ctx.next();
            });
  }

  private static boolean tooLarge(String length, long limit) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String escape(String path) {
    return path == null ? "" : path.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
