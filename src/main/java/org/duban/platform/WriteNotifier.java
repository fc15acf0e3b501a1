package org.duban.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** After every successful write through HTTP (API or page form) the caches look at the stamp again. */
@Provider
public class WriteNotifier implements ContainerResponseFilter {

  private final ChangeStamp stamps;

  public WriteNotifier(ChangeStamp stamps) {
    this.stamps = stamps;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String m = request.getMethod();
    if (!"GET".equals(m) && !"HEAD".equals(m) && !"OPTIONS".equals(m) && response.getStatus() < 400) {
      stamps.wrote();
    }
  }
}
