package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.handoff.yaml.Durations;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Exports Handoff's {@code support-triggers.yaml}, {@code sla-policies.yaml} and {@code automations.yaml}
 * back to the JSON of Zendesk's list endpoints ({@code triggers}, {@code trigger_categories},
 * {@code webhooks}, {@code sla_policies}, {@code automations}), names mapped back to ids through the mapping file. Whatever Zendesk cannot
 * express (or has no id for) is left out and listed in {@link Result#notExported()}.
 */
public final class ZendeskExporter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> RECIPIENT_TOKENS =
      Set.of("requester_id", "requester_and_ccs", "assignee_id", "current_user", "group_id", "all_agents");

  /** The Zendesk JSON and, per rule, what could not be exported. */
  public record Result(ObjectNode json, List<String> notExported) {}

  private ZendeskExporter() {}

  /** Exports the two files' texts (either may be null). */
  public static Result export(String supportTriggersYaml, String slaPoliciesYaml, IdMapping mapping)
      throws IOException {
    return export(supportTriggersYaml, slaPoliciesYaml, null, mapping);
  }

  /** Exports the three files' texts (any may be null) to the list endpoints' JSON, with {@code automations}. */
  public static Result export(String supportTriggersYaml, String slaPoliciesYaml, String automationsYaml,
      IdMapping mapping) throws IOException {
    ObjectNode out = NODES.objectNode();
    List<String> skipped = new ArrayList<>();
    JsonNode doc = supportTriggersYaml == null ? NODES.objectNode() : YAML.readTree(supportTriggersYaml);
    ArrayNode categories = out.putArray("trigger_categories");
    int position = 1;
    for (JsonNode c : doc.path("categories")) {
      ObjectNode z = categories.addObject();
      z.put("id", mapping.reverse(Kind.CATEGORIES, c.asText()));
      z.put("name", c.asText());
      z.put("position", position++);
    }
    ArrayNode webhooks = out.putArray("webhooks");
    for (JsonNode w : doc.path("webhooks")) {
      String id = mapping.reverse(Kind.WEBHOOKS, w.path("id").asText());
      ObjectNode z = webhooks.addObject();
      z.put("id", id == null ? w.path("id").asText() : id);
      z.put("name", w.path("name").asText());
      z.put("endpoint", w.path("endpoint").asText());
      z.put("http_method", w.path("method").asText("POST"));
      z.put("request_format", w.path("format").asText("json"));
      z.putArray("subscriptions").add("conditional_ticket_events");
    }
    ArrayNode triggers = out.putArray("triggers");
    for (JsonNode t : doc.path("triggers")) {
      List<String> problems = new ArrayList<>();
      ObjectNode z = trigger(t, mapping, problems);
      if (problems.isEmpty()) {
        triggers.add(z);
      } else {
        skipped.add("trigger \"" + t.path("title").asText() + "\": " + String.join("; ", problems));
      }
    }
    JsonNode sla = slaPoliciesYaml == null ? NODES.objectNode() : YAML.readTree(slaPoliciesYaml);
    out.set("sla_policies", SlaExporter.policies(sla, mapping, skipped));
    JsonNode autos = automationsYaml == null ? NODES.objectNode() : YAML.readTree(automationsYaml);
    ArrayNode automations = out.putArray("automations");
    for (JsonNode a : autos.path("automations")) {
      List<String> problems = new ArrayList<>();
      ObjectNode z = automation(a, mapping, problems);
      if (problems.isEmpty()) {
        automations.add(z);
      } else {
        skipped.add("automation \"" + a.path("title").asText() + "\": " + String.join("; ", problems));
      }
    }
    return new Result(out, skipped);
  }

  /** An automation: time-based conditions as Zendesk writes them (hours as a string), the rest as for triggers. */
  private static ObjectNode automation(JsonNode a, IdMapping mapping, List<String> problems) {
    ObjectNode z = NODES.objectNode();
    z.put("title", a.path("title").asText());
    if (a.hasNonNull("description")) {
      z.put("description", a.get("description").asText());
    }
    z.put("active", a.path("active").asBoolean(true));
    if (a.has("position")) {
      z.put("position", a.get("position").asInt());
    }
    ConditionExporter conditions = new ConditionExporter(mapping, false);
    ObjectNode block = z.putObject("conditions");
    for (String group : List.of("all", "any")) {
      ArrayNode list = block.putArray(group);
      for (JsonNode c : a.path("conditions").path(group)) {
        if (io.handoff.automation.TimeField.fromWire(c.path("field").asText()) != null) {
          list.addObject().put("field", c.path("field").asText()).put("operator", c.path("operator").asText("is"))
              .put("value", c.path("value").asText());
        } else {
          ObjectNode x = conditions.one(c, problems);
          if (x != null) {
            list.add(x);
          }
        }
      }
    }
    ArrayNode actions = z.putArray("actions");
    for (JsonNode x : a.path("actions")) {
      ObjectNode action = action(x, mapping, problems);
      if (action != null) {
        actions.add(action);
      }
    }
    return z;
  }

  private static ObjectNode trigger(JsonNode t, IdMapping mapping, List<String> problems) {
    ObjectNode z = NODES.objectNode();
    z.put("title", t.path("title").asText());
    if (t.hasNonNull("description")) {
      z.put("description", t.get("description").asText());
    }
    z.put("active", t.path("active").asBoolean(true));
    if (t.has("position")) {
      z.put("position", t.get("position").asInt());
    }
    if (t.hasNonNull("category")) {
      z.put("category_id", mapping.reverse(Kind.CATEGORIES, t.get("category").asText()));
    }
    z.set("conditions", new ConditionExporter(mapping, false).block(t.path("conditions"), problems));
    ArrayNode actions = z.putArray("actions");
    for (JsonNode a : t.path("actions")) {
      ObjectNode x = action(a, mapping, problems);
      if (x != null) {
        actions.add(x);
      }
    }
    return z;
  }

  private static ObjectNode action(JsonNode a, IdMapping mapping, List<String> problems) {
    String field = a.path("field").asText();
    JsonNode value = a.get("value");
    ObjectNode x = NODES.objectNode();
    switch (field) {
      case "group_id" -> value = id(value, Kind.GROUPS, mapping, problems);
      case "assignee_id" -> value = id(value, Kind.USERS, mapping, problems);
      case "set_schedule" -> value = id(value, Kind.SCHEDULES, mapping, problems);
      case "notification_user", "notification_group", "notification_webhook" -> {
        ArrayNode args = value.deepCopy();
        Kind kind = field.equals("notification_user") ? Kind.USERS
            : field.equals("notification_group") ? Kind.GROUPS : Kind.WEBHOOKS;
        JsonNode first = kind == Kind.WEBHOOKS ? reverseOrSame(args.get(0), mapping)
            : id(args.get(0), kind, mapping, problems);
        args.set(0, first);
        value = args;
      }
      case "current_tags", "remove_tags", "set_tags" -> value = value.isArray()
          ? NODES.textNode(String.join(" ", ZValues.texts(value))) : value;
      default -> {
        String zendesk = PSEUDO_BACK.get(field);
        if (zendesk != null) {
          field = zendesk;
        } else if (field.startsWith("custom_fields_")) {
          String id = mapping.reverse(Kind.CUSTOM_FIELDS, field.substring("custom_fields_".length()));
          if (id == null) {
            problems.add("action " + field + ": no Zendesk id for the custom field");
          }
          field = "custom_fields_" + id;
        }
      }
    }
    x.put("field", field);
    x.set("value", value);
    return x;
  }

  /** The custom fields the importer made of {@code ticket_form_id} and {@code satisfaction_score}. */
  static final java.util.Map<String, String> PSEUDO_BACK = java.util.Map.of(
      "custom_fields_ticket_form", "ticket_form_id", "custom_fields_satisfaction", "satisfaction_score");

  private static JsonNode reverseOrSame(JsonNode v, IdMapping mapping) {
    String id = mapping.reverse(Kind.WEBHOOKS, v.asText());
    return NODES.textNode(id == null ? v.asText() : id);
  }

  private static JsonNode id(JsonNode v, Kind kind, IdMapping mapping, List<String> problems) {
    String s = v == null ? "" : v.asText();
    if (s.isEmpty() || RECIPIENT_TOKENS.contains(s)) {
      return NODES.textNode(s);
    }
    String id = mapping.reverse(kind, s);
    if (id == null) {
      problems.add("no Zendesk id for " + kind.section() + " \"" + s + "\"");
    }
    return NODES.textNode(id == null ? s : id);
  }

  /** Minutes of a Handoff target: a bare number is minutes, else a duration such as 4h. */
  static long minutes(JsonNode target) {
    return target.isNumber() || target.asText().matches("\\d+") ? target.asLong()
        : Durations.parse(target.asText()).toMinutes();
  }
}
