package org.duban.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM; the app sends its notices there. */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

  private static GreenMail mail;

  public static synchronized GreenMail mail() {
    if (mail == null) {
      try (ServerSocket s = new ServerSocket(0)) {
        int port = s.getLocalPort();
        s.close();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return mail;
  }

  @Override
  public Map<String, String> start() {
    GreenMail m = mail();
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(m.getSmtp().getPort()),
        "quarkus.mailer.start-tls", "DISABLED",
        "tracker.notices.smtp", "true",
        "tracker.notices.leadership-email", "leaders@duban.test");
  }

  @Override
  public void stop() {
    // kept for the whole test JVM
  }
}
