package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.RoutingView.RouterDecision;
import io.handoff.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingStoreTest {
  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all().stream();
  }

  static RouterDecision decision(String intent, String group) {
    return new RouterDecision(intent, group, "HANDOFF_TO_HUMAN", 0.9, "en", "normal", "test", "r", 3L, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void decisionsAndOutcomesBecomeComparisonRows(TestDatabases.Db db) {
    RoutingStore store = new RoutingStore(db.dataSource());
    Instant t = Instant.parse("2026-11-25T09:00:00Z");
    store.recordDecision("journey-a", "rules", 1, decision("pricing_sales", "Sales"), false, "web_widget", t);
    store.recordDecision("journey-a", "rules", 1, decision("pricing_sales", "Sales"), false, "web_widget", t);
    store.recordDecision("journey-a", "ai", 1, decision("technical_problem", "Technical support"), true,
        "web_widget", t);
    store.recordOutcome(new RoutingStore.Outcome("journey-a", "ai", "Technical support", "Sales", "high", true,
        false, true, t, t.plusSeconds(90), false, t.plusSeconds(90)));
    List<ComparisonRow> rows = store.rows(null, null);
    assertThat(rows).hasSize(1);
    ComparisonRow r = rows.get(0);
    assertThat(r.activeRouter()).isEqualTo("ai");
    assertThat(r.rules().group()).isEqualTo("Sales");
    assertThat(r.ai().intent()).isEqualTo("technical_problem");
    assertThat(r.finalGroup()).isEqualTo("Sales");
    assertThat(r.firstHumanReplySeconds()).isEqualTo(90L);
    ComparisonReport report = ComparisonCalculator.compute(rows);
    assertThat(report.routers().get("rules").accuracy()).isEqualTo(1.0);
    assertThat(report.routers().get("ai").accuracy()).isEqualTo(0.0);
    assertThat(store.rows(t.plusSeconds(1), null)).isEmpty();
  }
}
