package org.duban.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * TRACKER_PUBLIC_BASE_URL: the address the public reaches Duban at. Every absolute link the service
 * writes (the Atom feed's links, the Location of something created) starts with it, never with the
 * request's Host or X-Forwarded-Host header: public answers are cached and served to everybody, so
 * a header one client chose must not end up in what the next one reads. Checked once at start: an
 * absolute http or https URL without user info, query or fragment, with one trailing slash;
 * anything else refuses to start. Unset, it is http://localhost:&lt;QUARKUS_HTTP_PORT&gt;/ (with a
 * warning outside demo mode).
 */
@ApplicationScoped
public class PublicBaseUrl {

  private static final Logger LOG = Logger.getLogger(PublicBaseUrl.class);

  private final String base;
  private final boolean configured;
  private final boolean demo;

  public PublicBaseUrl(TrackerConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
    Optional<String> raw = config.publicBaseUrl().filter(s -> !s.isBlank());
    this.configured = raw.isPresent();
    this.base = raw.map(PublicBaseUrl::normalised).orElse("http://localhost:" + port + "/");
    this.demo = config.demo().enabled();
  }

  /** At start, before anything serves: a malformed setting has refused already (the constructor); a missing one is said once. */
  void check(@Observes @Priority(2) StartupEvent event) {
    if (!configured && !demo) {
      LOG.warnf(
          "TRACKER_PUBLIC_BASE_URL is not set: absolute links (the Atom feed, Location headers of 201s) point at %s;"
              + " set it to the address the public uses, e.g. https://duban.example.gov.cn/",
          base);
    }
  }

  /** The base, always ending in one slash, e.g. {@code https://duban.example.gov.cn/}. */
  public String base() {
    return base;
  }

  /** An absolute link: the base, then each path segment (encoded as a path segment). */
  public URI link(String... segments) {
    return UriBuilder.fromUri(base).segment(segments).build();
  }

  /**
   * The setting as the base every link starts with: an absolute http(s) URL with a host, no user
   * info, query or fragment; its path ends in exactly one slash.
   *
   * @throws IllegalArgumentException with one sentence saying what is wrong and what to set
   */
  static String normalised(String raw) {
    String value = raw.strip();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw malformed(value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw malformed(value);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = path.replaceAll("/+$", "") + "/";
    return scheme + "://" + uri.getRawAuthority() + path;
  }

  private static IllegalArgumentException malformed(String value) {
    return new IllegalArgumentException(
        "TRACKER_PUBLIC_BASE_URL '" + value + "' is not an absolute http or https URL without user info, query or fragment:"
            + " set it to the address the public uses, e.g. https://duban.example.gov.cn/");
  }
}
