package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings on imported rules that measure time in business hours or name a schedule when the schedules
 * they need were not imported: without them Handoff measures the rule against the default schedule of
 * the target directory's {@code business-hours.yaml}, not the account's hours (before, the report was
 * silently clean).
 */
final class ScheduleWarnings {

  private static final Set<String> SCHEDULE_CONDITIONS = Set.of("schedule_id", "within_schedule");

  private ScheduleWarnings() {}

  static void add(ZendeskExport in, Set<String> imported, List<Item> items) {
    for (JsonNode p : in.slaPolicies().path("sla_policies")) {
      boolean business = false;
      for (JsonNode m : p.path("policy_metrics")) {
        business |= m.path("business_hours").asBoolean(false);
      }
      if (business && imported.isEmpty()) {
        warn(items, ImportReport.Kind.SLA_POLICY, p, "targets in business hours, but no Zendesk schedule was imported"
            + " (--schedules, or \"schedules\" over REST): each ticket is measured against the default schedule of"
            + " business-hours.yaml"
            + " (or the schedule set on it), not against the account's hours");
      }
    }
    rules(in.triggers().path("triggers"), ImportReport.Kind.TRIGGER, imported, items);
    rules(in.automations().path("automations"), ImportReport.Kind.AUTOMATION, imported, items);
  }

  private static void rules(JsonNode list, ImportReport.Kind kind, Set<String> imported, List<Item> items) {
    for (JsonNode r : list) {
      Set<String> notes = new LinkedHashSet<>();
      for (String group : List.of("all", "any")) {
        for (JsonNode c : r.path("conditions").path(group)) {
          String field = c.path("field").asText("");
          String op = c.path("operator").asText("");
          if (imported.isEmpty() && (field.equals("in_business_hours") || op.endsWith("business_hours"))) {
            notes.add("condition " + field + " " + (op.isEmpty() ? "is" : op) + " uses business hours, but no Zendesk"
                + " schedule was imported (--schedules, or \"schedules\" over REST): it reads the default schedule of"
                + " business-hours.yaml"
                + " (or the ticket's schedule), not the account's hours");
          }
          if (SCHEDULE_CONDITIONS.contains(field) && !imported.contains(ZValues.text(c.get("value")))) {
            notes.add("condition " + field + " names schedule " + ZValues.label(c.get("value"))
                + ", which was not imported");
          }
        }
      }
      for (JsonNode a : r.path("actions")) {
        if (a.path("field").asText("").equals("set_schedule") && !imported.contains(ZValues.text(a.get("value")))) {
          notes.add("action set_schedule names schedule " + ZValues.label(a.get("value")) + ", which was not imported"
              + " (--schedules, or map it in the schedules section of the mapping file)");
        }
      }
      for (String n : notes) {
        warn(items, kind, r, n);
      }
    }
  }

  private static void warn(List<Item> items, ImportReport.Kind kind, JsonNode rule, String warning) {
    String id = rule.path("id").asText();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.kind() == kind && it.zendeskId().equals(id) && !it.warnings().contains(warning)) {
        List<String> w = new ArrayList<>(it.warnings());
        w.add(warning);
        items.set(i, new Item(it.kind(), it.zendeskId(), it.title(), it.status(), it.reasons(), w));
        return;
      }
    }
  }
}
