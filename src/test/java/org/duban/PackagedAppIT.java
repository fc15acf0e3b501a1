package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duban.support.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as its users start it: {@code java -jar target/quarkus-app/quarkus-run.jar}.
 * Runs after {@code package} (failsafe), each case in its own JVM with its own environment.
 */
class PackagedAppIT {

  static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  static final String PASSWORD = "it-Passw0rd!";
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void withoutADatabaseItRefusesWithOneSentenceSayingWhatToSet() throws Exception {
    Result r = runToEnd(Map.of(), 60);
    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains("No database is configured: set QUARKUS_DATASOURCE_JDBC_URL").contains("TRACKER_EMBEDDED_DB=true");
  }

  @Test
  void demoModeWithoutItsPasswordRefusesToStart() throws Exception {
    Path dir = Files.createTempDirectory("duban-it-pg");
    Result r =
        runToEnd(
            Map.of("TRACKER_EMBEDDED_DB", "true", "TRACKER_EMBEDDED_DB_DIR", dir.toString(), "TRACKER_DEMO_ENABLED", "true",
                "QUARKUS_HTTP_PORT", String.valueOf(freePort())),
            120);
    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains("needs TRACKER_DEMO_PASSWORD");
  }

  @Test
  void aMalformedPublicBaseUrlRefusesToStartWithOneSentence() throws Exception {
    Path dir = Files.createTempDirectory("duban-it-pg");
    Result r =
        runToEnd(
            Map.of("TRACKER_EMBEDDED_DB", "true", "TRACKER_EMBEDDED_DB_DIR", dir.toString(), "TRACKER_DEMO_ENABLED", "true",
                "TRACKER_DEMO_PASSWORD", PASSWORD, "TRACKER_PUBLIC_BASE_URL", "duban.example.gov.cn/?x=1",
                "QUARKUS_HTTP_PORT", String.valueOf(freePort())),
            120);
    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains(
        "TRACKER_PUBLIC_BASE_URL 'duban.example.gov.cn/?x=1' is not an absolute http or https URL without user info, query or fragment");
  }

  @Test
  void theEmbeddedDatabaseKeepsItsDataBetweenRuns() throws Exception {
    Path dir = Files.createTempDirectory("duban-it-pg");
    int port = freePort();
    Map<String, String> env =
        Map.of("TRACKER_EMBEDDED_DB", "true", "TRACKER_EMBEDDED_DB_DIR", dir.toString(), "TRACKER_DEMO_ENABLED", "true",
            "TRACKER_DEMO_PASSWORD", PASSWORD, "QUARKUS_HTTP_PORT", String.valueOf(port));
    String code = "IT" + (System.nanoTime() % 100000);

    Process first = start(env);
    try {
      awaitReady(port, first);
      String out = new String(first.getInputStream().readNBytes(first.getInputStream().available()), StandardCharsets.UTF_8);
      assertThat(out).contains("http://localhost:" + port).contains("reporter-fy");
      assertThat(get(port, "/api/v1/public/measures/J04").statusCode()).isEqualTo(200);
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/measures"))
                  .header("Authorization", basic("office"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(
                      "{\"code\":\"" + code + "\",\"area\":\"BUSINESS\",\"title\":\"持久化检查\",\"leadUnit\":\"fy\",\"startDate\":\"2021-05-14\",\"deadline\":\"2021-12-31\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      // catch-up: no scan had run today, so the start ran one
      HttpResponse<String> scans = getAs(port, "/api/v1/scans", "office");
      assertThat(scans.body()).contains("\"trigger\":\"STARTUP\"").contains("\"total\":1");
    } finally {
      stop(first);
    }
    assertThat(postgresRunningOn(dir)).as("PostgreSQL stops with the app").isFalse();

    // the second start also asks for the sample tasks (TRACKER_DEMO_SAMPLE_TASKS): one J05 task per city
    Map<String, String> withSamples = new java.util.HashMap<>(env);
    withSamples.put("TRACKER_DEMO_SAMPLE_TASKS", "true");
    Process second = start(withSamples);
    try {
      awaitReady(port, second);
      assertThat(get(port, "/api/v1/public/measures/" + code).statusCode()).isEqualTo(200);
      // tasks are not measures: the catalogue still counts 19
      assertThat(get(port, "/api/v1/public/summary").body()).contains("\"total\":19");
      String all = getAs(port, "/api/v1/tasks?measure=J05&size=100", "office").body();
      assertThat(all).contains("\"total\":16").contains("\"code\":\"J05-370100\"").contains("\"sample\":true").doesNotContain("\"sample\":false");
      // the sample city's office sees its own city only
      String jinan = getAs(port, "/api/v1/tasks?measure=J05", "office-370100").body();
      assertThat(jinan).contains("\"total\":1").contains("J05-370100");
      assertThat(getAs(port, "/api/v1/tasks/J05-370200", "office-370100").statusCode()).isEqualTo(404);
      assertThat(getAs(port, "/api/v1/tasks/J05-370100", "reporter-fy370100").statusCode()).isEqualTo(200);
      // the same day: a scan completed today already, so no second start-up scan
      assertThat(getAs(port, "/api/v1/scans", "office").body()).contains("\"total\":1");
    } finally {
      stop(second);
    }
  }

  @Test
  void outsideDemoModeTheBootstrapAdminMustChangeItsPasswordThenUseASecondFactor() throws Exception {
    Path dir = Files.createTempDirectory("duban-it-pg");
    int port = freePort();
    Process app =
        start(Map.of("TRACKER_EMBEDDED_DB", "true", "TRACKER_EMBEDDED_DB_DIR", dir.toString(),
            "TRACKER_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "QUARKUS_HTTP_PORT", String.valueOf(port)));
    try {
      awaitReady(port, app);
      String out = new String(app.getInputStream().readNBytes(app.getInputStream().available()), StandardCharsets.UTF_8);
      assertThat(out).contains("TRACKER_PUBLIC_BASE_URL is not set: absolute links (the Atom feed, Location headers of 201s) point at http://localhost:" + port + "/");
      // embedded mode made its own keys, beside the data directory and readable by its owner only
      Path secrets = dir.toAbsolutePath().resolveSibling(dir.getFileName() + "-secrets.properties");
      assertThat(Files.readString(secrets)).contains("quarkus.http.auth.session.encryption-key=", "tracker.audit.key=");
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
      // the password was in a setting: it allows nothing but changing it
      HttpResponse<String> users = getAs(port, "/api/v1/users", "admin");
      assertThat(users.statusCode()).isEqualTo(403);
      assertThat(users.body()).contains("change it first");
      HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/password"))
              .header("Authorization", basic("admin")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Chosen-Boss-Pass-2026\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(changed.statusCode()).isEqualTo(204);
      // and an administrator's password alone is not enough outside demo mode: a second factor first
      HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:Chosen-Boss-Pass-2026".getBytes(StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(403);
      assertThat(again.body()).contains("second factor");
      assertThat(getAs(port, "/api/v1/measures", "office").statusCode()).isEqualTo(401);
      assertThat(get(port, "/api/v1/public/summary").body()).contains("\"total\":18");
      // operations are on the management port only; the OpenAPI document too, outside demo mode
      assertThat(get(port, "/q/health/ready").statusCode()).isEqualTo(404);
      assertThat(get(port, "/q/openapi").statusCode()).isEqualTo(404);
      assertThat(get(managementPort(port), "/q/openapi").statusCode()).isEqualTo(200);
    } finally {
      stop(app);
    }
  }

  @Test
  void outsideDemoAndEmbeddedModeItRefusesToStartWithoutItsKeys() throws Exception {
    Map<String, String> external = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:1/nowhere",
        "QUARKUS_HTTP_PORT", String.valueOf(freePort()));
    Result none = runToEnd(external, 60);
    assertThat(none.exit).isNotZero();
    assertThat(none.output).doesNotContain("Exception", "\tat ").contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set: outside demo and embedded mode Duban"
        + " needs it, 32 or more random characters, the same on every replica (generate one with: openssl rand -base64 48).");
    Map<String, String> published = new java.util.HashMap<>(external);
    published.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "change-me-to-32-or-more-random-characters");
    Result known = runToEnd(published, 60);
    assertThat(known.exit).isNotZero();
    assertThat(known.output).contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is a value published in Duban's repository");
    Map<String, String> noAuditKey = new java.util.HashMap<>(external);
    noAuditKey.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", randomKey());
    Result audit = runToEnd(noAuditKey, 60);
    assertThat(audit.output).contains("TRACKER_AUDIT_KEY is not set");
    noAuditKey.put("TRACKER_AUDIT_KEY", "too-short");
    assertThat(runToEnd(noAuditKey, 60).output).contains("TRACKER_AUDIT_KEY is shorter than 32 characters");
  }

  static String randomKey() {
    byte[] b = new byte[48];
    new java.security.SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Each app started here puts its management interface (health, metrics) on the port after a fixed offset. */
  static int managementPort(int port) {
    return port + 1;
  }

  @Test
  void inA256MegabyteHeapAZipBombIsRefusedALargeWorkbookImportsAndTheAppGoesOn() throws Exception {
    Path dir = Files.createTempDirectory("duban-it-pg");
    Path log = Files.createTempFile("duban-it-256m", ".log");
    int port = freePort();
    Process app =
        start(Map.of("TRACKER_EMBEDDED_DB", "true", "TRACKER_EMBEDDED_DB_DIR", dir.toString(), "TRACKER_DEMO_ENABLED", "true",
                "TRACKER_DEMO_PASSWORD", PASSWORD, "QUARKUS_HTTP_PORT", String.valueOf(port)),
            log, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    try {
      awaitReady(port, app);
      // 400 MiB of sheet XML in well under 1 MiB
      HttpResponse<String> bomb = postXlsx(port, Workbooks.zipBomb(400L * 1024 * 1024), "");
      assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
      assertThat(bomb.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(bomb.body()).contains("zip bomb").contains("nothing was imported");

      byte[] large = Workbooks.largeCatalogue(300);
      assertThat(large.length).as("several MiB, under the 10 MiB upload limit").isBetween(4 * 1024 * 1024, 10 * 1024 * 1024);
      HttpResponse<String> legal = postXlsx(port, large, "?dryRun=true");
      assertThat(legal.statusCode()).as(legal.body()).isEqualTo(200);
      assertThat(legal.body()).contains("\"rows\":300").contains("\"created\":300").contains("\"dryRun\":true");

      assertThat(get(managementPort(port), "/q/health").statusCode()).isEqualTo(200);
      assertThat(app.isAlive()).as("no OutOfMemoryError (the JVM would have exited)").isTrue();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- the app's log ---\n" + tail(log), e);
    } finally {
      stop(app);
    }
  }

  // ---- helpers ----

  HttpResponse<String> postXlsx(int port, byte[] body, String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/measures/import" + query))
            .header("Authorization", basic("office"))
            .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The packaged app with JVM options, its output in a file (nothing reads a pipe, so nothing blocks on one). */
  Process start(Map<String, String> env, Path log, String... jvmOptions) throws IOException {
    assertThat(JAR).as("run after mvn package").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TRACKER_"));
    pb.environment().putAll(env);
    if (env.containsKey("QUARKUS_HTTP_PORT") && !env.containsKey("QUARKUS_MANAGEMENT_PORT")) {
      pb.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(Integer.parseInt(env.get("QUARKUS_HTTP_PORT")))));
    }
    return pb.start();
  }

  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  HttpResponse<String> getAs(int port, String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  record Result(int exit, String output) {}

  Result runToEnd(Map<String, String> env, int seconds) throws Exception {
    Process p = start(env);
    boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(done ? p.exitValue() : -1, output);
  }

  Process start(Map<String, String> env) throws IOException {
    assertThat(JAR).as("run after mvn package").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TRACKER_"));
    pb.environment().putAll(env);
    if (env.containsKey("QUARKUS_HTTP_PORT") && !env.containsKey("QUARKUS_MANAGEMENT_PORT")) {
      pb.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(Integer.parseInt(env.get("QUARKUS_HTTP_PORT")))));
    }
    return pb.start();
  }

  void awaitReady(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        throw new AssertionError("the app stopped with exit code " + p.exitValue() + " before it was ready; it printed:\n" + output);
      }
      try {
        if (get(managementPort(port), "/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within 120 s");
  }

  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: the app stops, then its PostgreSQL
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  static boolean postgresRunningOn(Path dir) throws Exception {
    Path pid = dir.resolve("postmaster.pid");
    for (int i = 0; i < 50 && Files.exists(pid); i++) {
      Thread.sleep(100);
    }
    return Files.exists(pid);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A free port whose next one is free too (for the management interface), taken below the
   * kernel's ephemeral range: a port from {@code new ServerSocket(0)} is one the app's own outgoing
   * connections (to its embedded PostgreSQL) may be given a moment later, and then the app cannot
   * listen on it (a CI run failed that way once).
   */
  static int freePort() throws IOException {
    int ephemeralLow = 32768;
    try {
      ephemeralLow = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException unknown) {
      // not Linux: keep the usual default
    }
    int low = 10000;
    int high = Math.max(low + 1000, ephemeralLow - 2);
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = low + random.nextInt(high - low);
      try (ServerSocket s = new ServerSocket(port); ServerSocket next = new ServerSocket(port + 1)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no two free ports in a row below " + high);
  }
}
