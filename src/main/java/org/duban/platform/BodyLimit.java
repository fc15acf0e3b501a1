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

  private final long limit;

  public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              if (length != null && tooLarge(length)) {
                String body =
                    "{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than " + (limit / 1024) + " KiB.\",\"instance\":\""
                        + escape(ctx.request().path()) + "\"}";
                ctx.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Buffer.buffer(body));
                return;
              }
              ctx.next();
            });
  }

  private boolean tooLarge(String length) {
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
