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

  /** The one path that takes files (up to the HTTP limit); every other body is JSON (up to TRACKER_MAX_BODY_SIZE). */
  static final String IMPORT_PATH = "/api/v1/measures/import";
  /** The catalogue page's upload (multipart), the same file as IMPORT_PATH's. */
  static final String IMPORT_PAGE_PATH = "/staff/catalogue/upload";

  private final long fileLimit;
  private final long jsonLimit;

  public BodyLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize fileLimit, TrackerConfig config) {
    this.fileLimit = fileLimit.asLongValue();
    this.jsonLimit = Math.min(this.fileLimit, config.maxBodySize().asLongValue());
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              String path = ctx.request().path();
              long limit = IMPORT_PATH.equals(path) || IMPORT_PAGE_PATH.equals(path) ? fileLimit : jsonLimit;
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
