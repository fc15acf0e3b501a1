package org.duban.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.duban.audit.dto.AuditVerification;
import org.duban.audit.dto.AuditView;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The security audit trail: AUDITOR only (ADMIN may not read it: separation of duties). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR_)
@Tag(name = "Audit", description = "the tamper-evident security audit trail (AUDITOR)")
public class AuditResource {

  private final AuditTrail trail;
  private final AuditAnchor anchor;

  public AuditResource(AuditTrail trail, AuditAnchor anchor) {
    this.trail = trail;
    this.anchor = anchor;
  }

  @GET
  @Operation(summary = "The audit trail, newest first: logins, failed logins, refusals (401, 403), every change with old and new value, scans")
  @APIResponse(responseCode = "200", description = "a page of audit events")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  public Page<AuditView> list(
      @QueryParam("actor") @Parameter(description = "user name", example = "office") String actor,
      @QueryParam("action") @Parameter(description = "WRITE, LOGIN, LOGIN_FAILED, LOCKED, DENIED, THROTTLED (anonymous refusals are one row per address and minute with a count) or SCAN", example = "DENIED") String action,
      @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive", example = "2021-10-01T00:00:00Z") String from,
      @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive", example = "2021-11-01T00:00:00Z") String to,
      @QueryParam("result") @Parameter(description = "OK, FAILED, DENIED or REFUSED", example = "DENIED") String result,
      @BeanParam PageRequest page) {
    String act = Params.textOf("action", action, 32);
    if (act != null && !act.matches("WRITE|LOGIN|LOGIN_FAILED|LOCKED|DENIED|THROTTLED|SCAN")) {
      throw ProblemException.invalid("action", "must be WRITE, LOGIN, LOGIN_FAILED, LOCKED, DENIED, THROTTLED or SCAN");
    }
    String res = Params.textOf("result", result, 16);
    if (res != null && !AuditTrail.RESULTS.contains(res)) {
      throw ProblemException.invalid("result", "must be OK, FAILED, DENIED or REFUSED");
    }
    return trail.list(Params.textOf("actor", actor, 64), act, res, instant("from", from), instant("to", to), page.validated());
  }

  @GET
  @Path("verify")
  @Operation(summary = "Recompute the hash chain and check the keyed checkpoints; names the first row, or the first interval between checkpoints, that no longer matches")
  @APIResponse(responseCode = "200", description = "intact, or where it is broken")
  public AuditVerification verify() {
    return anchor.verify();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2021-10-01T00:00:00Z");
    }
  }
}
