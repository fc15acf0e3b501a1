package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The deployment files say what docs/operations.md says they do; a change that breaks that fails the build. */
@Tag("unit")
class DeploymentManifestsTest {

  static final Path DEPLOY = Path.of("deploy");
  static final YAMLMapper YAML = new YAMLMapper();

  static List<JsonNode> documents(Path dir) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = YAML.getFactory().createParser(f.toFile())) {
          YAML.readValues(parser, JsonNode.class).readAll().stream().filter(n -> n != null && !n.isEmpty()).forEach(docs::add);
        }
      }
    }
    return docs;
  }

  static JsonNode only(List<JsonNode> docs, String kind) {
    List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  @Test
  void theKubernetesBaseRunsThreeProbedBoundedReplicasOnAThreeInstancePostgresCluster() throws IOException {
    List<JsonNode> docs = documents(DEPLOY.resolve("kubernetes/base"));
    JsonNode kustomization = only(docs, "Kustomization");
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes/base"))) {
      List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")).toList();
      assertThat(resources).as("every manifest is in the kustomization").containsExactlyInAnyOrderElementsOf(present);
    }

    JsonNode deployment = only(docs, "Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
    // the probes and the scrape go to the management port, which neither the Service nor the Ingress exposes
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
    }
    assertThat(container.path("ports").toString()).contains("\"management\"", "9000");
    assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).isEqualTo("9000");
    for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/cpu", "/resources/limits/memory")) {
      assertThat(container.at(r).asText()).as(r).isNotBlank();
    }
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    String app = deployment.at("/spec/template/metadata/labels/app").asText();
    assertThat(deployment.at("/spec/selector/matchLabels/app").asText()).isEqualTo(app);

    JsonNode pdb = only(docs, "PodDisruptionBudget");
    assertThat(pdb.at("/spec/selector/matchLabels/app").asText()).isEqualTo(app);
    assertThat(pdb.at("/spec/minAvailable").asInt()).isBetween(1, 2);
    JsonNode service = only(docs, "Service");
    assertThat(service.at("/spec/selector/app").asText()).isEqualTo(app);
    assertThat(service.path("spec").path("ports").toString()).doesNotContain("9000").doesNotContain("management");
    JsonNode ingress = only(docs, "Ingress");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo(service.at("/metadata/name").asText());
    assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();

    // configuration through a ConfigMap; the secrets come from Secrets made out of band (no values in the base)
    JsonNode config = only(docs, "ConfigMap");
    assertThat(docs.stream().filter(d -> "Secret".equals(d.path("kind").asText())).toList()).as("no Secret with values in the base").isEmpty();
    assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(config.at("/metadata/name").asText());
    assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo("duban-secret");
    String env = container.path("env").toString();
    assertThat(env).contains("QUARKUS_DATASOURCE_USERNAME", "duban-db-app", "QUARKUS_FLYWAY_USERNAME", "duban-db-credentials");
    assertThat(Files.readString(Path.of("docs/operations.md"))).contains("create secret generic duban-secret");
    // every setting named there is one the README documents
    String readme = Files.readString(Path.of("README.md"));
    List<String> keys = new ArrayList<>();
    config.path("data").fieldNames().forEachRemaining(keys::add);
    container.path("env").forEach(e -> keys.add(e.path("name").asText()));
    for (String key : keys) {
      String documented = key.replaceAll("_(USERNAME|PASSWORD|PORT|FROM|START_TLS)$", "");
      assertThat(readme).as(key + " documented in the README's settings").contains(documented);
    }
    assertThat(config.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText()).contains("duban-db-rw");

    JsonNode cluster = only(docs, "Cluster");
    assertThat(cluster.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
    assertThat(cluster.at("/metadata/name").asText()).isEqualTo("duban-db");
    assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
    assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotBlank();
    JsonNode scheduled = only(docs, "ScheduledBackup");
    assertThat(scheduled.at("/spec/cluster/name").asText()).isEqualTo("duban-db");
    assertThat(scheduled.at("/spec/schedule").asText()).isNotBlank();
    // the app's login is its own role, not the owner
    assertThat(cluster.at("/spec/managed/roles/0/name").asText()).isEqualTo("duban_app");
    assertThat(cluster.at("/spec/bootstrap/initdb/owner").asText()).isNotEqualTo("duban_app");
  }

  @Test
  void everyOverlayBuildsOnTheBase() throws IOException {
    try (Stream<Path> dirs = Files.list(DEPLOY.resolve("kubernetes/overlays"))) {
      List<Path> overlays = dirs.toList();
      assertThat(overlays).isNotEmpty();
      for (Path o : overlays) {
        JsonNode k = only(documents(o), "Kustomization");
        assertThat(k.path("resources").toString()).as(o.toString()).contains("../../base");
        assertThat(k.path("namespace").asText()).as(o.toString()).isNotBlank();
      }
    }
  }

  @Test
  void theImageRunsTheFastJarAsANonRootUserWithAHealthCheck() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("container/Dockerfile"));
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    assertThat(dockerfile).contains("HEALTHCHECK", "localhost:9000/q/health/live", "EXPOSE 8080 9000", "quarkus-run.jar");
    Matcher copies = Pattern.compile("(?m)^COPY\\s+(?:--chown=\\S+\\s+)?(target/quarkus-app/\\S*)").matcher(dockerfile);
    int n = 0;
    while (copies.find()) {
      n++;
      String from = copies.group(1).replace("*.jar", "");
      assertThat(from).startsWith("target/quarkus-app/");
    }
    assertThat(n).as("the four layers of the fast jar").isEqualTo(4);
  }

  @Test
  void theSystemdUnitRunsUnprivilegedWithTheEnvironmentFile() throws IOException {
    String unit = Files.readString(DEPLOY.resolve("systemd/duban.service"));
    assertThat(unit).contains("User=duban", "EnvironmentFile=/etc/duban/duban.env", "quarkus-run.jar", "Restart=on-failure", "After=network-online.target postgresql.service");
    assertThat(Files.exists(DEPLOY.resolve("duban.env.example"))).isTrue();
  }
}
