package io.handoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.handoff.temporal.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so the compose file is checked as YAML: services, images, wiring. */
class DockerComposeTest {
  static final JsonNode COMPOSE = read();

  static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void composeRunsTemporalPostgresTheUiAndHandoff() {
    JsonNode services = COMPOSE.get("services");
    assertThat(services.fieldNames()).toIterable()
        .contains("postgresql", "temporal-schema", "temporal", "temporal-namespace", "temporal-search-attributes",
            "temporal-ui", "handoff");
    assertThat(services.at("/temporal-ui/image").asText()).startsWith("temporalio/ui:");
    assertThat(services.at("/postgresql/image").asText()).startsWith("postgres:");
    assertThat(services.at("/temporal/environment/DB").asText()).isEqualTo("postgres12");
  }

  /**
   * Temporal's current compose layout (temporalio/samples-server, compose/): the plain server image
   * (auto-setup is deprecated and no longer built) between one-shot admin-tools jobs of the same version:
   * schema before the server, namespace and search attributes after it, Handoff last.
   */
  @Test
  void temporalRunsAsServerPlusAdminToolsJobsOfTheSameVersionInOrder() {
    JsonNode services = COMPOSE.get("services");
    String server = services.at("/temporal/image").asText();
    assertThat(server).matches("temporalio/server:\\d+\\.\\d+\\.\\d+");
    String version = server.substring(server.indexOf(':') + 1);
    for (String job : List.of("temporal-schema", "temporal-namespace", "temporal-search-attributes")) {
      JsonNode j = services.get(job);
      assertThat(j.get("image").asText()).as(job).isEqualTo("temporalio/admin-tools:" + version);
      assertThat(j.get("restart").asText()).as(job).isEqualTo("no");
      String script = j.at("/entrypoint/1").asText();
      assertThat(mounts(j)).as(job).anyMatch(m -> m.endsWith(":" + script) && Files.exists(Path.of(m.split(":")[0])));
    }
    COMPOSE.get("services").forEach(svc -> assertThat(svc.path("image").asText()).doesNotContain("auto-setup"));
    assertThat(condition("temporal", "temporal-schema")).isEqualTo("service_completed_successfully");
    assertThat(condition("temporal-schema", "postgresql")).isEqualTo("service_healthy");
    assertThat(condition("temporal-namespace", "temporal")).isEqualTo("service_healthy");
    assertThat(condition("temporal-search-attributes", "temporal-namespace")).isEqualTo("service_completed_successfully");
    assertThat(condition("handoff", "temporal-search-attributes")).isEqualTo("service_completed_successfully");
    // The server image ships no dynamic config: the repository's is mounted where the variable points.
    assertThat(mounts(services.get("temporal")))
        .contains("./deploy/temporal/dynamicconfig:/etc/temporal/config/dynamicconfig");
    assertThat(Path.of("deploy/temporal/dynamicconfig", Path.of(services.at(
        "/temporal/environment/DYNAMIC_CONFIG_FILE_PATH").asText()).getFileName().toString())).exists();
  }

  /** Every image has an explicit version tag (no implicit or explicit latest), so compose runs what was checked. */
  @Test
  void everyImageIsPinnedToAVersion() {
    COMPOSE.get("services").fields().forEachRemaining(e -> {
      if (e.getValue().has("image")) {
        String image = e.getValue().get("image").asText();
        assertThat(image).as(e.getKey()).matches("[a-z0-9./-]+:v?\\d+(\\.\\d+)*").doesNotEndWith(":latest");
      }
    });
  }

  /**
   * With HANDOFF_AUTH_MODE=api-key /q/metrics needs credentials: Handoff writes its metrics token into
   * a volume that Prometheus mounts, and Prometheus sends that file as its bearer credentials.
   */
  @Test
  void prometheusScrapesHandoffWithTheMetricsTokenFromASharedVolume() throws Exception {
    JsonNode handoff = COMPOSE.at("/services/handoff");
    String tokenFile = handoff.at("/environment/HANDOFF_AUTH_METRICS_TOKEN_FILE").asText();
    assertThat(tokenFile).isNotEmpty();
    String handoffMount = volumeMountedAt(handoff, Path.of(tokenFile).getParent().toString());
    assertThat(COMPOSE.at("/volumes").has(handoffMount)).isTrue();
    JsonNode prometheus = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/prometheus/prometheus.yml").toFile());
    JsonNode job = job(prometheus, "handoff");
    assertThat(job.at("/authorization/type").asText()).isEqualTo("Bearer");
    Path credentials = Path.of(job.at("/authorization/credentials_file").asText());
    assertThat(credentials.getFileName()).isEqualTo(Path.of(tokenFile).getFileName());
    String prometheusMount = volumeMountedAt(COMPOSE.at("/services/prometheus"), credentials.getParent().toString());
    assertThat(prometheusMount).isEqualTo(handoffMount);
    // The variable is the documented setting (SmallRye maps HANDOFF_AUTH_METRICS_TOKEN_FILE onto it).
    assertThat(Files.readString(Path.of("src/main/java/io/handoff/auth/AuthConfig.java")))
        .contains("metricsTokenFile()");
  }

  /** The build context leaves out customer data, build output and history, and keeps what the build needs. */
  @Test
  void theDockerBuildContextExcludesDataTargetAndGit() throws Exception {
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("/$", "")).toList();
    assertThat(ignored).contains("data", "**/data", "target", ".git", "candidates", ".env");
    assertThat(Files.readString(Path.of(COMPOSE.at("/services/handoff/build/dockerfile").asText())))
        .contains("COPY . .", "/src/workflows/", "/src/prompts/");
    for (String needed : List.of("src", "pom.xml", "mvnw", ".mvn", "workflows", "prompts")) {
      assertThat(Path.of(needed)).exists();
      assertThat(ignored).as(needed).noneMatch(p -> p.equals(needed) || p.equals("*") || p.equals(needed + "/**"));
    }
    assertThat(ignored).noneMatch(p -> p.startsWith("!"));
  }

  @Test
  void handoffIsBuiltFromTheRepoAndUsesTheComposeTemporalAndPostgres() {
    JsonNode handoff = COMPOSE.at("/services/handoff");
    assertThat(Path.of(handoff.at("/build/dockerfile").asText())).exists();
    assertThat(handoff.at("/environment/HANDOFF_TEMPORAL_TARGET").asText()).isEqualTo("temporal:7233");
    assertThat(handoff.at("/environment/QUARKUS_PROFILE").asText()).contains("pg");
    assertThat(handoff.at("/environment/HANDOFF_DB_URL").asText()).startsWith("jdbc:postgresql://postgresql:5432/");
    assertThat(handoff.at("/environment/HANDOFF_AUTH_MODE").asText()).isEqualTo("api-key");
    assertThat(handoff.get("ports").get(0).asText()).endsWith(":8080");
  }

  @Test
  void theUiIsPublishedAndEveryMountedFileExists() {
    assertThat(COMPOSE.at("/services/temporal-ui/ports/0").asText()).isEqualTo("127.0.0.1:8233:8080");
    COMPOSE.get("services").forEach(service -> {
      JsonNode volumes = service.get("volumes");
      if (volumes != null) {
        volumes.forEach(v -> {
          String source = v.asText().split(":")[0];
          if (source.startsWith("./")) {
            assertThat(Path.of(source)).exists();
          }
        });
      }
    });
  }

  @Test
  void theRegistrationScriptRegistersExactlyTheWorkflowsSearchAttributes() throws Exception {
    String script = Files.readString(Path.of("deploy/temporal/register-search-attributes.sh"));
    Matcher m = Pattern.compile("(?m)^register (\\w+) (\\w+)$").matcher(script);
    List<String> registered = new ArrayList<>();
    while (m.find()) {
      registered.add(m.group(1) + ":" + m.group(2));
    }
    List<String> expected = new ArrayList<>();
    SearchAttributes.all().forEach((name, type) -> expected.add(name + ":" + switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      default -> type.name();
    }));
    assertThat(registered).containsExactlyElementsOf(expected);
  }

  @Test
  void prometheusAndGrafanaRunWithTheRepositorysConfigAndArePublished() {
    JsonNode services = COMPOSE.get("services");
    assertThat(services.at("/prometheus/image").asText()).startsWith("prom/prometheus:");
    assertThat(services.at("/grafana/image").asText()).startsWith("grafana/grafana:");
    assertThat(services.at("/prometheus/ports/0").asText()).isEqualTo("127.0.0.1:9090:9090");
    assertThat(services.at("/grafana/ports/0").asText()).isEqualTo("127.0.0.1:3000:3000");
    assertThat(mounts(services.get("prometheus"))).contains(
        "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml",
        "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml");
    assertThat(mounts(services.get("grafana"))).contains(
        "./deploy/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources",
        "./deploy/grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards",
        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
    // Temporal's server metrics, which Prometheus scrapes as job "temporal".
    assertThat(services.at("/temporal/environment/PROMETHEUS_ENDPOINT").asText()).endsWith(":9090");
  }

  @Test
  void prometheusScrapesHandoffAndTemporalAndLoadsTheAlerts() throws Exception {
    JsonNode prometheus = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/prometheus/prometheus.yml").toFile());
    assertThat(prometheus.get("rule_files").get(0).asText()).isEqualTo("/etc/prometheus/alerts.yml");
    JsonNode handoff = job(prometheus, "handoff");
    assertThat(handoff.get("metrics_path").asText()).isEqualTo("/q/metrics");
    assertThat(handoff.at("/static_configs/0/targets/0").asText()).isEqualTo("handoff:8080");
    assertThat(job(prometheus, "temporal").at("/static_configs/0/targets/0").asText()).isEqualTo("temporal:9090");
  }

  @Test
  void grafanaProvisionsThePrometheusDatasourceAndTheDashboardDirectory() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode ds = yaml.readTree(Path.of("deploy/grafana/provisioning/datasources/prometheus.yml").toFile());
    assertThat(ds.at("/datasources/0/url").asText()).isEqualTo("http://prometheus:9090");
    String uid = ds.at("/datasources/0/uid").asText();
    JsonNode provider = yaml.readTree(Path.of("deploy/grafana/provisioning/dashboards/handoff.yml").toFile());
    assertThat(provider.at("/providers/0/options/path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/dashboards/handoff.json").toFile());
    assertThat(dashboard.get("uid").asText()).isEqualTo("handoff");
    dashboard.get("panels").forEach(p -> assertThat(p.at("/datasource/uid").asText()).isEqualTo(uid));
  }

  private static String condition(String service, String dependency) {
    return COMPOSE.at("/services/" + service + "/depends_on/" + dependency + "/condition").asText();
  }

  /** The named volume a service mounts at {@code target}. */
  private static String volumeMountedAt(JsonNode service, String target) {
    for (String m : mounts(service)) {
      String[] parts = m.split(":");
      if (parts.length >= 2 && parts[1].equals(target) && !parts[0].startsWith(".")) {
        return parts[0];
      }
    }
    throw new AssertionError("no named volume at " + target + " in " + mounts(service));
  }

  private static List<String> mounts(JsonNode service) {
    List<String> out = new ArrayList<>();
    service.get("volumes").forEach(v -> out.add(v.asText().replaceFirst(":ro$", "")));
    return out;
  }

  private static JsonNode job(JsonNode prometheus, String name) {
    for (JsonNode j : prometheus.get("scrape_configs")) {
      if (j.get("job_name").asText().equals(name)) {
        return j;
      }
    }
    throw new AssertionError("no scrape job " + name);
  }
}
