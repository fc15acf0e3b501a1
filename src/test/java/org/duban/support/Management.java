package org.duban.support;

import java.net.URL;

/** URLs on the management interface (health, metrics, Swagger UI), from a test's injected management URL. */
public final class Management {
  private Management() {}

  /**
   * {@code path} on the management interface; {@code root} is the test's
   * {@code @TestHTTPResource(value = "/", management = true) URL}, which points at its root path (/q).
   */
  public static String url(URL root, String path) {
    return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort() + path;
  }
}
