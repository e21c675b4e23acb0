package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.handoff.routing.ComparisonRow.Decision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ComparisonCalculatorTest {
  static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant DAY2 = Instant.parse("2026-11-21T10:00:00Z");
  static final Decision PRICING_SALES = new Decision("pricing_sales", "Sales", "HANDOFF_TO_HUMAN");
  static final Decision TECH = new Decision("technical_problem", "Technical support", "HANDOFF_TO_HUMAN");
  static final Decision OTHER_AI = new Decision("other", "General", "AI_RESOLVES");

  // Four journeys, computed by hand:
  // j1 en web: rules=sales, ai=sales (agree); final Sales; ai acts; reply 60 s; no breach.
  // j2 en web: rules=tech, ai=sales (disagree); final Technical support (rules right); ai acts; reply 300 s; breach.
  // j3 es whatsapp: rules=sales, ai=tech (disagree); final Technical support (ai right); rules acts; reply 120 s.
  // j4 es whatsapp: rules only (ai missing), other; no final group; rules acts; no reply.
  public static final List<ComparisonRow> ROWS = List.of(
      new ComparisonRow("j1", "en", "web_widget", DAY1, "ai", PRICING_SALES, PRICING_SALES, "Sales", true, 60L, false),
      new ComparisonRow("j2", "en", "web_widget", DAY1, "ai", TECH, PRICING_SALES, "Technical support", true, 300L, true),
      new ComparisonRow("j3", "es", "whatsapp", DAY2, "rules", PRICING_SALES, TECH, "Technical support", true, 120L, false),
      new ComparisonRow("j4", "es", "whatsapp", DAY2, "rules", OTHER_AI, null, null, false, null, false));

  @Test
  void agreementCountsOnlyJourneysWhereBothRoutersDecided() {
    ComparisonReport r = ComparisonCalculator.compute(ROWS);
    assertThat(r.journeys()).isEqualTo(4);
    assertThat(r.bothDecided()).isEqualTo(3);
    assertThat(r.agreement()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void eachRouterIsScoredAgainstTheFinalHumanGroup() {
    ComparisonReport r = ComparisonCalculator.compute(ROWS);
    ComparisonReport.RouterScore rules = r.routers().get("rules");
    ComparisonReport.RouterScore ai = r.routers().get("ai");
    assertThat(rules.decided()).isEqualTo(4);
    assertThat(rules.scored()).isEqualTo(3);
    assertThat(rules.accuracy()).isCloseTo(2.0 / 3, within(1e-9)); // j1, j2 right; j3 wrong
    assertThat(ai.scored()).isEqualTo(3);
    assertThat(ai.accuracy()).isCloseTo(2.0 / 3, within(1e-9)); // j1, j3 right; j2 wrong
    assertThat(rules.handoffRate()).isCloseTo(3.0 / 4, within(1e-9));
    assertThat(ai.handoffRate()).isEqualTo(1.0);
  }

  @Test
  void actingFiguresCoverOnlyJourneysWhereTheRouterActed() {
    ComparisonReport r = ComparisonCalculator.compute(ROWS);
    assertThat(r.routers().get("ai").acted()).isEqualTo(2);
    assertThat(r.routers().get("ai").medianFirstHumanReplySeconds()).isEqualTo(180L); // (60+300)/2
    assertThat(r.routers().get("ai").slaBreachesWhenActing()).isEqualTo(1);
    assertThat(r.routers().get("rules").acted()).isEqualTo(2);
    assertThat(r.routers().get("rules").medianFirstHumanReplySeconds()).isEqualTo(120L);
    assertThat(r.routers().get("rules").slaBreachesWhenActing()).isZero();
  }

  @Test
  void slicesByLanguageChannelIntentAndDay() {
    ComparisonReport r = ComparisonCalculator.compute(ROWS);
    assertThat(r.byLanguage().get("en").journeys()).isEqualTo(2);
    assertThat(r.byLanguage().get("en").agreement()).isCloseTo(0.5, within(1e-9));
    assertThat(r.byLanguage().get("en").rulesAccuracy()).isEqualTo(1.0);
    assertThat(r.byLanguage().get("en").aiAccuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(r.byLanguage().get("es").agreement()).isEqualTo(0.0);
    assertThat(r.byLanguage().get("es").aiAccuracy()).isEqualTo(1.0);
    assertThat(r.byChannel().keySet()).containsExactly("web_widget", "whatsapp");
    assertThat(r.byIntent().get("pricing_sales").journeys()).isEqualTo(2);
    assertThat(r.byIntent().get("unknown").journeys()).isEqualTo(1);
    assertThat(r.byDay().keySet()).containsExactly("2026-11-20", "2026-11-21");
  }

  @Test
  void confusionCountsEachCombinationOfRulesAiAndHumanGroups() {
    ComparisonReport r = ComparisonCalculator.compute(ROWS);
    assertThat(r.confusion()).hasSize(4);
    assertThat(r.confusion()).contains(
        new ComparisonReport.ConfusionCell("Technical support", "Sales", "Technical support", 1),
        new ComparisonReport.ConfusionCell("General", null, null, 1));
  }

  @Test
  void anEmptyPeriodHasNoRatesRatherThanZeroes() {
    ComparisonReport r = ComparisonCalculator.compute(List.of());
    assertThat(r.agreement()).isNull();
    assertThat(r.routers().get("ai").accuracy()).isNull();
  }
}
