package org.duban.platform;

import static org.duban.platform.ProblemMappers.path;
import static org.duban.platform.ProblemMappers.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests we cannot take, as problem+json through {@link ProblemMappers#response}: invalid fields
 * (Bean Validation), a body that is not the documented JSON (unknown or read-only keys, wrong
 * types, malformed JSON), and what JAX-RS refuses itself (404, 405, 406, 415...). Each names the
 * field when there is one.
 */
public class RequestErrorMappers {

  private static final Logger LOG = Logger.getLogger(RequestErrorMappers.class);

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
    return invalidFields(e, uri, headers);
  }

  /** Each invalid field named, sorted by name (also for a violation the funnel finds wrapped). */
  static Response invalidFields(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .collect(Collectors.toList());
    return response(headers, 400, "Invalid request", "The request has invalid fields.", path(uri), errors);
  }

  // Quarkus ships mappers for the Jackson subtypes; naming each one here makes ours the closest match.
  @ServerExceptionMapper(priority = 1)
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
    return unreadable(e, uri, headers);
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
    return unreadable(e, uri, headers);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
    return unreadable(e, uri, headers);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
    return unreadable(e, uri, headers);
  }

  @ServerExceptionMapper(priority = 1)
  public Response parse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri, HttpHeaders headers) {
    return unreadable(e, uri, headers);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = pathOf(unknown);
      return response(headers, 400,
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
        return response(headers, 400,
            "Invalid request",
            "The request has invalid fields.",
            path(uri),
            List.of(new Problem.FieldError(field, "must be " + expected)));
      }
    }
    if (e instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()) {
      return response(headers, 400,
          "Invalid request",
          "The request has invalid fields.",
          path(uri),
          List.of(new Problem.FieldError(pathOf(mapping), "is not a valid value")));
    }
    if (e instanceof MismatchedInputException) {
      return response(headers, 400, "Invalid request", "The request body does not have the documented shape (a JSON object).", path(uri), null);
    }
    return response(headers, 400, "Malformed JSON", "The request body is not well-formed JSON.", path(uri), null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json, uri, headers);
    }
    if (status >= 500) {
      LOG.error("Request failed", e);
    }
    return response(headers, status, null, null, path(uri), null);
  }

  static String fieldOf(ConstraintViolation<?> violation) {
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
        // a node "in iterable" is a property of one element of the container named before it:
        // its index belongs to that container (milestones[1].title, not milestones.title[1])
        if (node.isInIterable() && field.length() > 0) {
          field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey() != null ? node.getKey() : "").append(']');
        }
        if (node.getName() == null) {
          continue;
        }
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }

  private static boolean isBodyParameter(StringBuilder field) {
    String name = field.toString();
    return name.equals("request") || name.equals("body");
  }

  static String pathOf(JsonMappingException e) {
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
