package org.duban.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** What crawlers may read: the public pages and open data, not the staff side or the staff API. */
@Path("/robots.txt")
@PermitAll
public class RobotsTxt {

  static final String BODY = "User-agent: *\nAllow: /\nAllow: /api/v1/public/\nDisallow: /staff\nDisallow: /login\nDisallow: /api/\n";

  @GET
  @Produces("text/plain")
  public Response robots() {
    return Response.ok(BODY, "text/plain; charset=UTF-8").header("Cache-Control", "public, max-age=86400").build();
  }
}
