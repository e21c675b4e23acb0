package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.List;
import java.util.Set;

/**
 * Parses Zendesk automations and reports them. Handoff has no automation engine yet (automations are
 * meant to become per-journey timers), so none is written; the report says, per automation, which
 * conditions and actions already map to the trigger vocabulary, and lists each time-based condition.
 */
final class AutomationReporter {

  private static final Set<String> TIME_FIELDS = Set.of("NEW", "OPEN", "PENDING", "HOLD", "SOLVED", "CLOSED",
      "assigned_at", "updated_at", "requester_updated_at", "assignee_updated_at", "due_date", "until_due_date",
      "sla_next_breach_at");

  private final IdMapping mapping;
  private final List<Item> items;

  AutomationReporter(IdMapping mapping, List<Item> items) {
    this.mapping = mapping;
    this.items = items;
  }

  void report(JsonNode automations) {
    for (JsonNode a : TriggerImporter.sorted(automations.path("automations"))) {
      Findings f = new Findings();
      f.unsupported.add("automations are not imported: Handoff has no time-based rule engine yet");
      ConditionMapper cm = new ConditionMapper(mapping);
      int total = 0;
      int mapped = 0;
      for (String group : List.of("all", "any")) {
        for (JsonNode c : a.path("conditions").path(group)) {
          String field = c.path("field").asText();
          total++;
          if (TIME_FIELDS.contains(field) || field.startsWith("custom_fields_") && isHours(c)) {
            f.unsupported.add("time-based condition " + field + " " + c.path("operator").asText("is") + " "
                + ZValues.label(c.get("value")) + " hours");
          } else if (cm.map(c, f) != null) {
            mapped++;
          }
        }
      }
      f.warnings.add(mapped + " of " + total + " conditions map to the support-trigger vocabulary");
      ActionMapper am = new ActionMapper(mapping);
      a.path("actions").forEach(x -> am.map(x, f));
      String id = a.path("id").asText();
      items.add(ImportReport.item(ImportReport.Kind.AUTOMATION, id, a.path("title").asText(id), f));
    }
  }

  private static boolean isHours(JsonNode c) {
    return c.path("operator").asText().endsWith("business_hours");
  }
}
