package org.duban.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Runs at build time (no start-up cost). Completes the OpenAPI document: every error response is application/problem+json with an
 * example, and every JSON request and success body gets an example composed from the field
 * examples of its schema.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiExamples implements OASFilter {

  private Map<String, Schema> schemas = Map.of();
  /** Fields whose @Schema example says "null" (often empty): left out of composed examples. */
  private final java.util.Set<Schema> oftenEmpty = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      schemas = api.getComponents().getSchemas();
      // "null" in a field's @Schema(example) means "often empty": no example, rather than the text "null"
      schemas.values().forEach(this::dropNullExamples);
    }
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
        complete(path.getKey(), op.getValue());
      }
    }
  }

  private void complete(String path, Operation op) {
    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
      exampleFor(op.getRequestBody().getContent());
    }
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return;
    }
    if (path.startsWith("/api/v1/public/") && op.getResponses().getAPIResponse("429") == null) {
      // every public answer may be the fair-use refusal (PublicGate)
      op.getResponses().addAPIResponse("429",
          OASFactory.createAPIResponse().description("more than TRACKER_PUBLIC_RATE_LIMIT requests a minute from one address"));
    }
    for (Map.Entry<String, APIResponse> r : op.getResponses().getAPIResponses().entrySet()) {
      int status = parse(r.getKey());
      APIResponse response = r.getValue();
      if (status >= 400) {
        response.setContent(problemContent(status, path, response.getDescription()));
      } else if (response.getContent() != null) {
        exampleFor(response.getContent());
      }
    }
  }

  private Content problemContent(int status, String path, String description) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "about:blank");
    example.put("title", ProblemMappers.TITLES.getOrDefault(status, "Error"));
    example.put("status", status);
    example.put(
        "detail",
        description != null && !description.isBlank()
            ? capitalise(description) + "."
            : ProblemMappers.DETAILS.getOrDefault(status, "The request failed."));
    example.put("instance", path);
    if (status == 400) {
      example.put("errors", List.of(Map.of("field", "progress", "message", "must be less than or equal to 100")));
    }
    MediaType media =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
            .example(example);
    return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
  }

  private void exampleFor(Content content) {
    if (content.getMediaTypes() == null) {
      return;
    }
    for (MediaType media : content.getMediaTypes().values()) {
      if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
          && media.getSchema() != null) {
        Object example = example(media.getSchema(), 0);
        if (example != null) {
          media.setExample(example);
        }
      }
    }
  }

  /** An example value for a schema, from its own example or composed from its parts. */
  private Object example(Schema schema, int depth) {
    if (schema == null || depth > 6 || oftenEmpty.contains(schema)) {
      return null;
    }
    if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
      return schema.getExamples().get(0);
    }
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.getRef() != null) {
      String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
      return example(schemas.get(name), depth + 1);
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return example(schema.getAllOf().get(0), depth + 1);
    }
    if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
      return schema.getEnumeration().get(0);
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      Map<String, Object> object = new LinkedHashMap<>();
      schema.getProperties().forEach((k, v) -> {
        Object value = example(v, depth + 1);
        if (value != null) {
          object.put(k, value); // a field that is often empty is left out of the example
        }
      });
      return object;
    }
    if (schema.getItems() != null) {
      List<Object> list = new ArrayList<>();
      Object item = example(schema.getItems(), depth + 1);
      if (item != null) {
        list.add(item);
      }
      return list;
    }
    List<Schema.SchemaType> types = schema.getType();
    if (types == null || types.isEmpty()) {
      return null;
    }
    return switch (types.get(0)) {
      case STRING -> "date".equals(schema.getFormat()) ? "2021-12-31"
          : "date-time".equals(schema.getFormat()) ? "2021-06-01T02:00:00Z" : "string";
      case INTEGER -> 0;
      case NUMBER -> 0;
      case BOOLEAN -> false;
      default -> null;
    };
  }

  private void dropNullExamples(Schema schema) {
    if (schema == null) {
      return;
    }
    if ("null".equals(schema.getExample())) {
      schema.setExample(null);
      oftenEmpty.add(schema);
    }
    if (schema.getExamples() != null && schema.getExamples().contains("null")) {
      List<Object> rest = new ArrayList<>(schema.getExamples());
      rest.removeIf("null"::equals);
      schema.setExamples(rest.isEmpty() ? null : rest);
      oftenEmpty.add(schema);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(this::dropNullExamples);
    }
    dropNullExamples(schema.getItems());
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int parse(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
