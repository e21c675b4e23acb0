package io.handoff.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.metrics.HandoffMetrics;
import io.handoff.sla.clock.SlaClockView;
import java.util.List;
import java.util.Locale;

/**
 * Counts what a journey did from the timeline entries a projection inserted into the index: stage
 * entries, SLA warnings and breaches, and the triggers that fired. The index inserts each entry
 * once, so a retried projection activity counts nothing twice.
 */
final class ProjectionMetrics {
  private static final String STAGE = "stage.";

  private ProjectionMetrics() {}

  static void record(HandoffMetrics metrics, JourneyView view, List<TimelineEntry> inserted) {
    for (TimelineEntry e : inserted) {
      String step = e.step();
      if (step == null) {
        continue;
      }
      if (step.startsWith(STAGE)) {
        metrics.stageEntered(step.substring(STAGE.length()).toUpperCase(Locale.ROOT));
      } else if (step.equals("sla.breach") || step.equals("sla.warning")) {
        String metric = text(e.trace(), "metric");
        metrics.slaFired(step.substring("sla.".length()), metric, policyOf(view, metric));
      } else if (step.equals("notification.failed")) {
        metrics.notificationFailed(text(e.trace(), "kind"));
      } else if (step.equals("messaging.triggers") || step.equals("support.triggers")) {
        fired(metrics, step.substring(0, step.indexOf('.')), e.trace());
      }
    }
  }

  /** The policy whose target the metric's clock runs on, from the view the projection carries. */
  private static String policyOf(JourneyView view, String metric) {
    if (view.sla() == null) {
      return null;
    }
    return view.sla().values().stream().filter(c -> c.metric().wireName().equals(metric))
        .map(SlaClockView::policy).findFirst().orElse(null);
  }

  /** Every FIRED trigger of an evaluation trace ({@code io.handoff.trigger.EvaluationTrace} as JSON). */
  private static void fired(HandoffMetrics metrics, String kind, JsonNode trace) {
    if (trace == null || !trace.path("triggers").isArray()) {
      return;
    }
    for (JsonNode t : trace.path("triggers")) {
      if ("FIRED".equals(t.path("outcome").asText()) && t.hasNonNull("trigger")) {
        metrics.triggerFired(kind, t.get("trigger").asText());
      }
    }
  }

  private static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? "unknown" : node.get(field).asText();
  }
}
