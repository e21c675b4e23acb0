package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Handoff SLA policies as Zendesk {@code sla_policies}: position from file order, filter in SLA
 * spelling, one {@code policy_metrics} entry per metric and priority with the target in minutes.
 * Escalations, warnings and schedules have no Zendesk counterpart and are listed as not exported.
 */
final class SlaExporter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

  private SlaExporter() {}

  static ArrayNode policies(JsonNode doc, IdMapping mapping, List<String> skipped) {
    ArrayNode out = NODES.arrayNode();
    int position = 1;
    for (JsonNode p : doc.path("policies")) {
      List<String> problems = new ArrayList<>();
      ObjectNode z = NODES.objectNode();
      z.put("title", p.path("name").asText());
      if (p.hasNonNull("description")) {
        z.put("description", p.get("description").asText());
      }
      z.put("position", position++);
      z.set("filter", new ConditionExporter(mapping, true).block(p.path("filter"), problems));
      boolean policyHours = p.path("business_hours").asBoolean(false);
      ArrayNode metrics = z.putArray("policy_metrics");
      p.path("targets").fields().forEachRemaining(e -> {
        boolean hours = e.getValue().path("business_hours").asBoolean(policyHours);
        for (String priority : PRIORITIES) {
          if (e.getValue().has(priority)) {
            ObjectNode m = metrics.addObject();
            m.put("priority", priority);
            m.put("metric", e.getKey());
            m.put("target", ZendeskExporter.minutes(e.getValue().get(priority)));
            m.put("business_hours", hours);
          }
        }
      });
      for (String handoffOnly : List.of("warnings", "on_warning", "on_breach", "schedule")) {
        if (p.has(handoffOnly)) {
          skipped.add("SLA policy \"" + p.path("name").asText() + "\": " + handoffOnly + " is Handoff-only (left out)");
        }
      }
      if (problems.isEmpty()) {
        out.add(z);
      } else {
        skipped.add("SLA policy \"" + p.path("name").asText() + "\": " + String.join("; ", problems));
      }
    }
    return out;
  }
}
