package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.automation.AutomationLoader;
import io.handoff.automation.TimeField;
import io.handoff.support.Webhook;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Zendesk automations into the document of {@code automations.yaml}, in position order, keeping
 * titles, descriptions, active flags and positions. Time-based conditions keep Zendesk's fields and
 * operators (value: whole hours); the other conditions and the actions map as for triggers. Each
 * imported automation is then checked by Handoff's own loader (nullifying condition, trigger-only
 * fields...): an automation with any unsupported, unmapped or refused part is not written, and the
 * report names every reason.
 */
final class AutomationImporter {
  private static final Set<String> TIME_OPERATORS = Set.of("is", "less_than", "greater_than", "is_business_hours",
      "less_than_business_hours", "greater_than_business_hours");

  private final IdMapping mapping;
  private final List<Item> items;
  private final Bodies.Context texts;

  AutomationImporter(IdMapping mapping, List<Item> items, Bodies.Context texts) {
    this.mapping = mapping;
    this.items = items;
    this.texts = texts;
  }

  /** The document; {@code webhooks} are the trigger-connected webhooks imported with the triggers. */
  Map<String, Object> convert(JsonNode automations, Map<String, Webhook> webhooks) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (JsonNode a : TriggerImporter.sorted(automations.path("automations"))) {
      Map<String, Object> converted = automation(a, webhooks, titles);
      if (converted != null) {
        out.add(converted);
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("automations", out);
    return doc;
  }

  private Map<String, Object> automation(JsonNode a, Map<String, Webhook> webhooks, Set<String> titles) {
    Findings f = new Findings();
    String id = a.path("id").asText();
    String title = a.path("title").asText(id);
    JsonNode block = TriggerImporter.conditionsOf(a);
    for (JsonNode c : block.path("all")) {
      if (c.path("field").asText("").equals("CLOSED")) {
        // Zendesk never runs automations on closed tickets, so this one can never fire: nothing to carry over.
        f.warnings.add("time-based condition CLOSED " + c.path("operator").asText("is") + " "
            + ZValues.label(c.get("value")) + ": never true in Zendesk (automations skip closed tickets);"
            + " not written, as it can never fire");
        items.add(ImportReport.item(ImportReport.Kind.AUTOMATION, id, title, f));
        return null;
      }
    }
    ConditionMapper cm = new ConditionMapper(mapping);
    Map<String, Object> conditions = new LinkedHashMap<>();
    for (String group : List.of("all", "any")) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (JsonNode c : block.path(group)) {
        Map<String, Object> m = isTime(c) ? time(c, group, f) : cm.map(c, f);
        if (m != null) {
          list.add(m);
        }
      }
      if (!list.isEmpty()) {
        conditions.put(group, list);
      }
    }
    List<Map<String, Object>> actions = new ArrayList<>();
    ActionMapper am = new ActionMapper(mapping, texts);
    for (JsonNode x : a.path("actions")) {
      Map<String, Object> m = am.map(x, f);
      if (m != null) {
        actions.add(m);
        if ("status".equals(m.get("field")) && "closed".equals(m.get("value"))) {
          f.warnings.add("closes tickets: the journey also closes solved tickets itself"
              + " (handoff.helpdesk.auto-close-after); keep one of the two");
        }
      }
    }
    String written = title;
    if (f.clean() && !titles.add(title)) {
      written = title + " [zendesk " + id + "]";
      titles.add(written);
      f.warnings.add("duplicate title renamed to \"" + written + "\"");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", written);
    if (a.hasNonNull("description") && !a.get("description").asText().isEmpty()) {
      out.put("description", a.get("description").asText());
    }
    out.put("active", a.path("active").asBoolean(true));
    if (a.has("position")) {
      out.put("position", a.get("position").asInt());
    }
    out.put("conditions", conditions);
    out.put("actions", actions);
    if (f.clean()) {
      checkWithLoader(out, webhooks, f);
    }
    items.add(ImportReport.item(ImportReport.Kind.AUTOMATION, id, title, f));
    return f.clean() ? out : null;
  }

  /** Handoff's own checks (nullifying condition, trigger-only fields, a time condition) on the result. */
  private static void checkWithLoader(Map<String, Object> automation, Map<String, Webhook> webhooks, Findings f) {
    String text = ZendeskImporter.yaml(Map.of("automations", List.of(automation)));
    Loaded<?> loaded = AutomationLoader.parse(text, AutomationLoader.FILE, webhooks);
    for (RuleFileError e : loaded.errors()) {
      if (e.severity() == RuleFileError.Severity.ERROR) {
        f.unsupported.add(e.message());
      }
    }
  }

  private static boolean isTime(JsonNode c) {
    String field = c.path("field").asText("");
    String op = c.path("operator").asText("");
    return TimeField.fromWire(field) != null || field.equals("CLOSED")
        || field.startsWith("custom_fields_") && op.endsWith("business_hours");
  }

  private static Map<String, Object> time(JsonNode c, String group, Findings f) {
    String field = c.path("field").asText();
    String op = c.hasNonNull("operator") ? c.get("operator").asText() : "is";
    String value = ZValues.text(c.get("value"));
    String label = "time-based condition " + field + " " + op + " " + ZValues.label(c.get("value"));
    if (field.equals("CLOSED")) {
      f.unsupported.add(label + ": automations do not run on closed tickets");
      return null;
    }
    if (field.startsWith("custom_fields_")) {
      f.unsupported.add(label + ": hours on a custom date field are not supported");
      return null;
    }
    if (group.equals("any")) {
      f.unsupported.add(label + ": time-based conditions are allowed under all only");
      return null;
    }
    if (!TIME_OPERATORS.contains(op)) {
      f.unsupported.add(label + ": operator " + op + " is not a time-based operator");
      return null;
    }
    if (value == null || !value.trim().matches("\\d{1,5}")) {
      f.unsupported.add(label + ": the value is not a whole number of hours");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("operator", op);
    m.put("value", Integer.parseInt(value.trim()));
    return m;
  }
}
