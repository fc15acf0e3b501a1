package org.duban.platform;

import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The OpenAPI document lives on the management port with health and metrics; the main port also
 * serves it at /q/openapi only with TRACKER_OPENAPI_PUBLIC=true (default: on in demo mode, so the
 * demo and the contract's checks can read it). It is the same document, produced by the same
 * service. Swagger UI stays on the management port.
 */
@ApplicationScoped
public class OpenApiOnMainPort {

  static final String DEFAULT_DOCUMENT = "<default>";

  private final boolean enabled;
  private final Instance<OpenApiDocumentService> documents;

  public OpenApiOnMainPort(TrackerConfig config, Instance<OpenApiDocumentService> documents) {
    this.enabled = config.openapiPublic().orElse(config.demo().enabled());
    this.documents = documents;
  }

  void install(@Observes Router router) {
    if (!enabled) {
      return;
    }
    router.get("/q/openapi").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    String format = ctx.request().getParam("format");
    String accept = ctx.request().getHeader("Accept");
    boolean json = format != null ? format.equalsIgnoreCase("json")
        : accept != null && accept.contains("application/json") && !accept.contains("yaml");
    ctx.vertx().<byte[]>executeBlocking(() -> documents.get().getDocument(DEFAULT_DOCUMENT, json ? Format.JSON : Format.YAML))
        .onSuccess(body -> ctx.response()
            .putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
            .putHeader("Access-Control-Allow-Origin", "*")
            .end(Buffer.buffer(body)))
        .onFailure(ctx::fail);
  }
}
