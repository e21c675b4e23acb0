package io.handoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Grafana dashboard and the Prometheus alerts in {@code deploy/} only query metrics the service
 * really exposes: every {@code handoff_*} name in their expressions is in {@code /q/metrics} after a
 * journey.
 */
@QuarkusTest
@TestProfile(LlmMonitoringProfile.class)
@Timeout(120)
class MonitoringConfigTest {
  static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/handoff.json");
  static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
  private static final Pattern METRIC = Pattern.compile("\\bhandoff_[a-z0-9_]+");

  @BeforeEach
  void journeys() {
    MetricsEndpointTest.runJourneys();
  }

  static List<String> dashboardExpressions() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> exprs = new ArrayList<>();
    dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
    return exprs;
  }

  static List<String> alertExpressions() throws Exception {
    JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
    List<String> exprs = new ArrayList<>();
    alerts.get("groups").forEach(g -> g.get("rules").forEach(r -> exprs.add(r.get("expr").asText())));
    return exprs;
  }

  static Set<String> handoffNames(List<String> exprs) {
    Set<String> names = new TreeSet<>();
    for (String e : exprs) {
      Matcher m = METRIC.matcher(e);
      while (m.find()) {
        names.add(m.group());
      }
    }
    return names;
  }

  @Test
  void everyHandoffMetricTheDashboardQueriesIsExposed() throws Exception {
    Set<String> used = handoffNames(dashboardExpressions());
    assertThat(used).contains("handoff_journeys", "handoff_sla_breaches_total", "handoff_trigger_firings_total",
        "handoff_classifier_latency_seconds_bucket", "handoff_classifier_fallbacks_total",
        "handoff_classifier_cost_usd_total");
    assertThat(Scrape.now().names()).containsAll(used);
  }

  @Test
  void everyHandoffMetricTheAlertsQueryIsExposed() throws Exception {
    Set<String> used = handoffNames(alertExpressions());
    assertThat(used).contains("handoff_ready", "handoff_events_accepted_total", "handoff_sla_breaches_total",
        "handoff_classifier_fallbacks_total", "handoff_classifier_latency_seconds_bucket");
    assertThat(Scrape.now().names()).containsAll(used);
  }

  @Test
  void everyAlertHasANameAnExpressionAndASummary() throws Exception {
    JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
    List<String> names = new ArrayList<>();
    alerts.get("groups").forEach(g -> g.get("rules").forEach(r -> {
      assertThat(r.path("expr").asText()).as("expr of %s", r.path("alert")).isNotBlank();
      assertThat(r.at("/annotations/summary").asText()).as("summary of %s", r.path("alert")).isNotBlank();
      names.add(r.path("alert").asText());
    }));
    assertThat(names).doesNotHaveDuplicates().contains("HandoffSlaBreachRateHigh", "HandoffClassifierFallbackRateHigh",
        "HandoffLlmLatencyP95High", "HandoffWorkflowTaskFailures", "HandoffNoEventsAccepted", "HandoffNotReady");
  }
}
