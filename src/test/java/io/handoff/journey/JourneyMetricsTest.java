package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.model.EventType;
import io.handoff.model.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The journey's activities count what the journey did, exactly once per timeline entry: stages,
 * SLA breaches and warnings by metric and policy, trigger firings by title, routing decisions.
 */
@Timeout(120)
class JourneyMetricsTest {
  JourneyTestEnv t;
  MeterRegistry registry;

  @BeforeEach
  void start() {
    t = JourneyTestEnv.withDefaults();
    registry = t.metrics.registry();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void slaBreachesAndTriggerFiringsAreCountedOncePerTimelineEntry() {
    t.send(t.event("m1", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("m1", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofDays(7));
    List<TimelineEntry> timeline = new ProjectionStore(t.db, JourneyTestEnv.JSON).timeline("journey-m1");

    Map<String, Integer> breaches = new HashMap<>();
    Map<String, Integer> fired = new HashMap<>();
    for (TimelineEntry e : timeline) {
      if (e.step().equals("sla.breach")) {
        breaches.merge(e.trace().get("metric").asText(), 1, Integer::sum);
      }
      if (e.step().endsWith(".triggers")) {
        String kind = e.step().substring(0, e.step().indexOf('.'));
        for (JsonNode tr : e.trace().get("triggers")) {
          if (tr.get("outcome").asText().equals("FIRED")) {
            fired.merge(kind + "|" + tr.get("trigger").asText(), 1, Integer::sum);
          }
        }
      }
    }
    assertThat(breaches).containsEntry("first_reply_time", 1);
    breaches.forEach((metric, n) -> assertThat(count("handoff.sla.breaches", "metric", metric, "policy", "Standard"))
        .as("breaches of %s", metric).isEqualTo(n.doubleValue()));
    assertThat(registry.find("handoff.sla.breaches").counters().stream().mapToDouble(Counter::count).sum())
        .isEqualTo((double) breaches.values().stream().mapToInt(Integer::intValue).sum());
    assertThat(count("handoff.sla.warnings", "metric", "first_reply_time", "policy", "Standard")).isEqualTo(1);

    assertThat(fired).containsEntry("support|SUP - Routing - enterprise pricing high priority", 1);
    fired.forEach((key, n) -> {
      String[] k = key.split("\\|");
      assertThat(count("handoff.trigger.firings", "kind", k[0], "trigger", k[1])).as(key).isEqualTo(n.doubleValue());
    });

    assertThat(count("handoff.journey.stage.entered", "stage", "AI_TRIAGE")).isEqualTo(1);
    assertThat(count("handoff.journey.stage.entered", "stage", "TICKETED")).isEqualTo(1);
    assertThat(count("handoff.routing.decisions", "router", "ai", "handoff", "handoff_to_human")).isEqualTo(1);
    assertThat(count("handoff.routing.decisions", "router", "rules", "rule", "always_human_tier")).isEqualTo(1);
    assertThat(registry.find("handoff.classifier.latency").tag("classifier", "offline").timer().count()).isEqualTo(1);
  }

  @Test
  void aRetriedProjectionCountsNothingTwice() {
    JourneyActivitiesImpl activity = new JourneyActivitiesImpl(new ProjectionStore(t.db, JourneyTestEnv.JSON), t.metrics);
    JourneyView view = new JourneyView("journey-retry", "retry", Stage.TICKETED, "web_widget", "en", List.of(), 0,
        null, null, Map.of(), null, java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1, 0, List.of(), null, null,
        List.of());
    JourneyProjection p = new JourneyProjection(view, List.of(
        new TimelineEntry(1, java.time.Instant.EPOCH, "stage.ticketed", "AI_TRIAGE → TICKETED", null),
        new TimelineEntry(2, java.time.Instant.EPOCH, "sla.breach", "SLA first_reply_time breach",
            JourneyTestEnv.JSON.valueToTree(Map.of("metric", "first_reply_time")))), 2);
    activity.project(p);
    activity.project(p);
    assertThat(count("handoff.journey.stage.entered", "stage", "TICKETED")).isEqualTo(1);
    assertThat(count("handoff.sla.breaches", "metric", "first_reply_time", "policy", "none")).isEqualTo(1);
  }

  private double count(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }
}
