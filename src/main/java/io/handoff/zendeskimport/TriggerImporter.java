package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.support.Webhook;
import io.handoff.zendeskimport.IdMapping.Kind;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Zendesk triggers, trigger categories and webhooks into the document of
 * {@code support-triggers.yaml}: categories in Zendesk's position order, trigger-connected webhooks,
 * then the triggers ordered by category position and trigger position, keeping titles, descriptions,
 * active flags and positions. A trigger with an unsupported or unmapped part is left out and reported.
 */
final class TriggerImporter {

  private final IdMapping mapping;
  private final Catalogue catalogue;
  private final List<Item> items;
  private final Bodies.Context texts;

  TriggerImporter(IdMapping mapping, Catalogue catalogue, List<Item> items, Bodies.Context texts) {
    this.mapping = mapping;
    this.catalogue = catalogue;
    this.items = items;
    this.texts = texts;
  }

  Map<String, Object> convert(JsonNode triggers, JsonNode categories, JsonNode webhooks) {
    Map<String, Integer> categoryOrder = new LinkedHashMap<>();
    List<String> categoryNames = new ArrayList<>();
    for (JsonNode c : sorted(categories.path("trigger_categories"))) {
      String id = c.path("id").asText();
      mapping.suggest(Kind.CATEGORIES, id, c.path("name").asText(id));
      String name = mapping.lookup(Kind.CATEGORIES, id);
      categoryOrder.put(id, categoryOrder.size());
      categoryNames.add(name);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("categories", categoryNames);
    doc.put("webhooks", webhooks(webhooks.path("webhooks")));
    List<JsonNode> list = new ArrayList<>();
    triggers.path("triggers").forEach(list::add);
    if (triggers.path("trigger").isObject()) {
      list.add(triggers.get("trigger"));
    }
    list.sort(Comparator.comparingInt((JsonNode t) -> categoryOrder.getOrDefault(
            t.path("category_id").asText(""), Integer.MAX_VALUE))
        .thenComparingInt(t -> t.path("position").asInt(Integer.MAX_VALUE)));
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (JsonNode t : list) {
      Map<String, Object> converted = trigger(t, categoryOrder.keySet(), categoryNames, titles);
      if (converted != null) {
        out.add(converted);
      }
    }
    doc.put("triggers", out);
    return doc;
  }

  private List<Map<String, Object>> webhooks(JsonNode list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode w : list) {
      String zid = w.path("id").asText();
      Findings f = new Findings();
      if (!w.path("endpoint").asText("").matches("https?://.+")) {
        f.unsupported.add("endpoint is not an http(s) URL");
      }
      JsonNode subs = w.path("subscriptions");
      if (subs.isArray() && !subs.toString().contains("conditional_ticket_events")) {
        f.unsupported.add("event-subscribed webhook (not usable from triggers)");
      }
      String method = w.path("http_method").asText("POST").toUpperCase(java.util.Locale.ROOT);
      String format = w.path("request_format").asText("json");
      if (!Webhook.METHODS.contains(method)) {
        f.unsupported.add("http_method " + w.path("http_method").asText() + " (Zendesk allows "
            + String.join(", ", Webhook.METHODS) + ")");
      }
      if (!Webhook.FORMATS.contains(format)) {
        f.unsupported.add("request_format " + format + " (Zendesk allows " + String.join(", ", Webhook.FORMATS) + ")");
      }
      if (w.hasNonNull("authentication")) {
        f.warnings.add("authentication is not carried over: configure the credentials in Handoff");
      }
      if (f.unsupported.isEmpty()) {
        mapping.suggest(Kind.WEBHOOKS, zid, zid);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mapping.lookup(Kind.WEBHOOKS, zid));
        m.put("name", w.path("name").asText(zid));
        m.put("endpoint", w.path("endpoint").asText());
        if (!method.equals("POST")) {
          m.put("method", method);
        }
        if (!format.equals("json")) {
          m.put("format", format);
        }
        out.add(m);
      }
      items.add(ImportReport.item(ImportReport.Kind.WEBHOOK, zid, w.path("name").asText(zid), f));
    }
    return out;
  }

  private Map<String, Object> trigger(JsonNode t, Set<String> categoryIds, List<String> categoryNames,
      Set<String> titles) {
    Findings f = new Findings();
    String id = t.path("id").asText();
    String title = t.path("title").asText(id);
    catalogue.check(t, f);
    Map<String, Object> conditions = RuleParts.conditions(conditionsOf(t), new ConditionMapper(mapping), f);
    List<Map<String, Object>> actions = new ArrayList<>();
    ActionMapper am = new ActionMapper(mapping, texts);
    for (JsonNode a : t.path("actions")) {
      Map<String, Object> m = am.map(a, f);
      if (m != null) {
        actions.add(m);
      }
    }
    String category = t.path("category_id").asText("");
    if (!category.isEmpty() && !categoryIds.contains(category)) {
      // A category the export lacks is an id to map (name it in zendesk-mapping.yaml), not a missing feature.
      mapping.suggest(Kind.CATEGORIES, category, "");
      String name = mapping.lookup(Kind.CATEGORIES, category);
      if (name == null) {
        f.needsMapping.add("category " + category + " is not in the trigger categories file:"
            + " name it under categories in zendesk-mapping.yaml (or pass --categories)");
      } else if (!categoryNames.contains(name)) {
        categoryNames.add(name);
      }
    }
    if (f.clean() && actions.isEmpty()) {
      f.unsupported.add("trigger has no actions");
    }
    String written = title;
    if (f.clean() && !titles.add(title)) {
      written = title + " [zendesk " + id + "]";
      titles.add(written);
      f.warnings.add("duplicate title renamed to \"" + written + "\"");
    }
    items.add(ImportReport.item(ImportReport.Kind.TRIGGER, id, title, f));
    if (!f.clean()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", written);
    if (t.hasNonNull("description") && !t.get("description").asText().isEmpty()) {
      out.put("description", t.get("description").asText());
    }
    out.put("active", t.path("active").asBoolean(true));
    if (!category.isEmpty()) {
      out.put("category", mapping.lookup(Kind.CATEGORIES, category));
    }
    if (t.has("position")) {
      out.put("position", t.get("position").asInt());
    }
    out.put("conditions", conditions);
    out.put("actions", actions);
    return out;
  }

  /** Zendesk's write format may put {@code all} / {@code any} on the trigger itself, without the wrapper. */
  static JsonNode conditionsOf(JsonNode t) {
    return t.has("conditions") ? t.path("conditions") : t;
  }

  static List<JsonNode> sorted(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    list.sort(Comparator.comparingInt(n -> n.path("position").asInt(Integer.MAX_VALUE)));
    return list;
  }
}
