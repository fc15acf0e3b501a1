package org.duban.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * At start, once the build has added the Basic requirements of the role-guarded operations: the
 * document says how to call the API as the service really takes it. Every staff operation takes a
 * personal token ({@code Authorization: Bearer duban_...}) as well as Basic; a public operation
 * says outright that it needs no credentials; and the server is the public base URL
 * (TRACKER_PUBLIC_BASE_URL), since the document is also read on the management port.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiSecurity implements OASFilter {

  static final String TOKEN = "token";

  @Override
  public void filterOpenAPI(OpenAPI api) {
    var config = ConfigProvider.getConfig();
    String base = config.getOptionalValue("tracker.public-base-url", String.class)
        .filter(v -> !v.isBlank())
        .orElse("http://localhost:" + config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080) + "/");
    api.setServers(List.of(OASFactory.createServer().url(base.replaceAll("/+$", "")).description("the service (TRACKER_PUBLIC_BASE_URL)")));
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    api.getComponents().addSecurityScheme(TOKEN, OASFactory.createSecurityScheme()
        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("duban_ personal API token")
        .description("a personal API token (POST /api/v1/me/tokens), sent as Authorization: Bearer duban_..."));
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
      for (Operation op : path.getValue().getOperations().values()) {
        List<SecurityRequirement> requirements = op.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
          if (path.getKey().startsWith("/api/v1/public/")) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement())); // {}: no credentials
          }
          continue;
        }
        List<SecurityRequirement> both = new ArrayList<>(requirements);
        for (SecurityRequirement r : requirements) {
          if (r.getSchemes() != null && r.getSchemes().containsKey("basic")) {
            both.add(OASFactory.createSecurityRequirement().addScheme(TOKEN, r.getScheme("basic")));
          }
        }
        op.setSecurity(both);
      }
    }
  }
}
