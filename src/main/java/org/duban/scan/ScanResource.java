package org.duban.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.scan.dto.ScanResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The overdue scan on demand and its history. */
@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scan", description = "the overdue scan, dispatch rounds and the reminder ladder")
public class ScanResource {

  private final ScanService scans;

  public ScanResource(ScanService scans) {
    this.scans = scans;
  }

  @POST
  @RolesAllowed({Role.OFFICE_, Role.ADMIN_})
  @Operation(summary = "Run the overdue scan now; answers what it changed")
  @APIResponse(responseCode = "200", description = "the scan: flags changed (up to 500 listed), rounds closed, notices queued")
  public ScanResult scan() {
    return scans.run("API");
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.ADMIN_})
  @Operation(summary = "The history of scans: start, end, duration, counts, outcome; newest first")
  @APIResponse(responseCode = "200", description = "a page of scans")
  @APIResponse(responseCode = "400", description = "a page parameter is invalid")
  public Page<ScanResult> history(@BeanParam PageRequest page) {
    return scans.history(page.validated());
  }
}
