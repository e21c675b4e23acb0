package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Zendesk SLA policies into the document of {@code sla-policies.yaml}: in position order, the
 * title as name, the filter in support-trigger vocabulary (SLA spellings accepted), targets in minutes
 * per metric and priority. Zendesk sets calendar or business hours per metric and priority; Handoff per
 * policy or metric, so priorities of one metric that disagree make the policy unsupported.
 */
final class SlaImporter {

  private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

  private final IdMapping mapping;
  private final List<Item> items;

  SlaImporter(IdMapping mapping, List<Item> items) {
    this.mapping = mapping;
    this.items = items;
  }

  Map<String, Object> convert(JsonNode policies) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode p : TriggerImporter.sorted(policies.path("sla_policies"))) {
      Map<String, Object> m = policy(p, names);
      if (m != null) {
        out.add(m);
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("policies", out);
    return doc;
  }

  private Map<String, Object> policy(JsonNode p, Set<String> names) {
    Findings f = new Findings();
    String id = p.path("id").asText();
    String title = p.path("title").asText(id);
    Map<String, Object> filter = RuleParts.conditions(p.path("filter"), new ConditionMapper(mapping), f);
    Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
    Map<String, Set<Boolean>> hours = new LinkedHashMap<>();
    for (JsonNode m : p.path("policy_metrics")) {
      String metric = m.path("metric").asText();
      String priority = m.path("priority").asText();
      int minutes = m.path("target").asInt(-1);
      if (SlaMetric.fromWire(metric) == null || !PRIORITIES.contains(priority) || minutes < 1) {
        f.unsupported.add("policy metric " + m + ": unknown metric or priority, or a target under one minute");
        continue;
      }
      targets.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(priority, minutes);
      hours.computeIfAbsent(metric, k -> new HashSet<>()).add(m.path("business_hours").asBoolean(false));
    }
    hours.forEach((metric, set) -> {
      if (set.size() > 1) {
        f.unsupported.add("metric " + metric + " mixes business and calendar hours across priorities");
      }
    });
    if (p.hasNonNull("metric_settings") && !p.get("metric_settings").isEmpty()) {
      f.warnings.add("metric_settings " + p.get("metric_settings") + " are not imported (Handoff uses its defaults)");
    }
    String name = title;
    if (f.clean() && !names.add(title)) {
      name = title + " [zendesk " + id + "]";
      f.warnings.add("duplicate name renamed to \"" + name + "\"");
    }
    items.add(ImportReport.item(ImportReport.Kind.SLA_POLICY, id, title, f));
    if (!f.clean()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    if (p.hasNonNull("description") && !p.get("description").asText().isEmpty()) {
      out.put("description", p.get("description").asText());
    }
    if (!filter.isEmpty()) {
      out.put("filter", filter);
    }
    boolean policyHours = hours.values().stream().anyMatch(s -> s.contains(true));
    if (policyHours) {
      out.put("business_hours", true);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    targets.forEach((metric, perPriority) -> {
      Map<String, Object> entry = new LinkedHashMap<>(perPriority);
      if (hours.get(metric).contains(!policyHours)) {
        entry.put("business_hours", !policyHours);
      }
      t.put(metric, entry);
    });
    out.put("targets", t);
    return out;
  }
}
