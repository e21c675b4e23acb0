package io.handoff.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.handoff.intent.llm.OpenAiStubResource;
import io.handoff.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two journeys through REST with the LLM classifier on WireMock, then {@code /q/metrics}: each
 * {@code handoff_*} metric shows exactly what happened (the profile's database and registry start empty).
 */
@QuarkusTest
@TestProfile(LlmMonitoringProfile.class)
@Timeout(120)
class MetricsEndpointTest {

  /** Runs the journeys once for every test of the profile; later calls return at once. */
  static synchronized void runJourneys() {
    if (ran) {
      return;
    }
    Events.post("m-pricing", """
        {"type":"conversation.started","channel":"web_widget","pageUrl":"https://shop.example/pricing",
         "customer":{"id":"u-7","name":"Ana","email":"ana@example.com","locale":"es","tier":"enterprise"}}""");
    Events.post("m-pricing", """
        {"type":"message.received","channel":"web_widget","text":"Hola, ¿cuánto cuesta el plan Enterprise?"}""");
    Events.post("m-garbled", "{\"type\":\"message.received\",\"channel\":\"whatsapp\",\"text\":\"zzq "
        + OpenAiStubResource.MALFORMED_TRIGGER + " qqz\"}");
    given().contentType(ContentType.JSON).body("{\"type\":\"conversation.exploded\"}")
        .when().post("/api/conversations/m-bad/events").then().statusCode(400);
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      given().when().get("/api/journeys/journey-m-pricing").then().statusCode(200)
          .body("stage", org.hamcrest.Matchers.equalTo("TICKETED"));
      given().when().get("/api/journeys/journey-m-garbled").then().statusCode(200)
          .body("routing.ai", org.hamcrest.Matchers.notNullValue());
    });
    ran = true;
  }

  private static boolean ran;

  @BeforeEach
  void journeys() {
    runJourneys();
  }

  @Test
  void eventsAreCountedByTypeAndOutcome() {
    Scrape s = Scrape.now();
    assertThat(s.value("handoff_events_accepted_total", "type=conversation.started", "duplicate=false")).isEqualTo(1.0);
    assertThat(s.value("handoff_events_accepted_total", "type=message.received", "duplicate=false")).isEqualTo(2.0);
    assertThat(s.value("handoff_events_rejected_total", "type=unknown", "reason=invalid")).isEqualTo(1.0);
  }

  @Test
  void theTriggersThatFiredCountOnceAndTheOthersShowZero() {
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Scrape s = Scrape.now();
      assertThat(s.value("handoff_trigger_firings_total", "kind=support",
          "trigger=SUP - Routing - enterprise pricing high priority")).isEqualTo(1.0);
      assertThat(s.value("handoff_trigger_firings_total", "kind=messaging", "trigger=MSG - Tags - pricing page"))
          .isEqualTo(1.0);
      assertThat(s.value("handoff_trigger_firings_total", "kind=support",
          "trigger=SUP - Notifications - agent reply sets pending")).isEqualTo(0.0);
    });
  }

  @Test
  void classifierLatencyTokensCostFallbacksAndDecisionsAreCounted() {
    Scrape s = Scrape.now();
    assertThat(s.value("handoff_classifier_latency_seconds_count", "classifier=llm", "provider=openai")).isEqualTo(2.0);
    assertThat(s.value("handoff_classifier_latency_seconds_count", "classifier=rules")).isEqualTo(2.0);
    assertThat(s.value("handoff_classifier_tokens_total", "provider=openai", "model=gpt-4o-mini", "direction=input"))
        .isEqualTo(100.0);
    assertThat(s.value("handoff_classifier_tokens_total", "direction=output")).isEqualTo(20.0);
    // 100 × 0.15 + 20 × 0.60 USD per million tokens.
    assertThat(s.value("handoff_classifier_cost_usd_total", "model=gpt-4o-mini")).isCloseTo(27e-6, within(1e-12));
    assertThat(s.value("handoff_classifier_fallbacks_total", "classifier=llm", "reason=malformed")).isEqualTo(1.0);
    assertThat(s.value("handoff_classifier_fallbacks_total", "classifier=llm", "reason=timeout")).isEqualTo(0.0);
    assertThat(s.value("handoff_routing_decisions_total", "router=ai", "intent=pricing_sales",
        "handoff=handoff_to_human", "rule=always_human_tier")).isEqualTo(1.0);
    assertThat(s.value("handoff_routing_decisions_total", "router=ai")).isEqualTo(2.0);
  }

  @Test
  void journeysByStageFollowTheIndexAndSlaSeriesStartAtZero() {
    String garbledStage = given().when().get("/api/journeys/journey-m-garbled").then().extract().path("stage");
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Scrape s = Scrape.now();
      double ticketed = "TICKETED".equals(garbledStage) ? 2 : 1;
      assertThat(s.value("handoff_journeys", "stage=TICKETED")).isEqualTo(ticketed);
      assertThat(s.value("handoff_journeys")).isEqualTo(2.0);
      assertThat(s.value("handoff_journey_stage_entered_total", "stage=TICKETED")).isEqualTo(ticketed);
      assertThat(s.value("handoff_ready")).isEqualTo(1.0);
    });
    Scrape s = Scrape.now();
    assertThat(s.value("handoff_sla_breaches_total", "metric=first_reply_time", "policy=Standard")).isEqualTo(0.0);
    assertThat(s.value("handoff_sla_warnings_total", "metric=first_reply_time", "policy=VIP customers")).isEqualTo(0.0);
  }
}
