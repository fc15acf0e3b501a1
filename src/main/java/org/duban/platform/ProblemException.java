package org.duban.platform;

import java.util.List;

/** A failure the caller can act on; turned into problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not found", detail, null);
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail, null);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail, null);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "Invalid request",
        "The request has invalid fields.",
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException preconditionRequired() {
    return new ProblemException(
        428,
        "Precondition required",
        "Send If-Match with the ETag of the measure you read, so that no change is lost.",
        null);
  }

  public static ProblemException preconditionFailed() {
    return new ProblemException(
        412,
        "Precondition failed",
        "The measure has changed since you read it: read it again and reapply your change.",
        null);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
