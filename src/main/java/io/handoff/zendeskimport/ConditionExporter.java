package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.trigger.Operator;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Handoff conditions back in Zendesk's trigger (or SLA filter) spelling: change operators as
 * {@code value} / {@code value_previous} / {@code not_value} / {@code not_value_previous}, names mapped back
 * to ids through the mapping file. Handoff-only conditions are recorded as not exportable.
 */
final class ConditionExporter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<Operator, String> CHANGE_NAMES = Map.of(Operator.CHANGED_TO, "value",
      Operator.CHANGED_FROM, "value_previous", Operator.NOT_CHANGED_TO, "not_value",
      Operator.NOT_CHANGED_FROM, "not_value_previous");
  private static final Map<String, Kind> ID_FIELDS = Map.of("group_id", Kind.GROUPS, "assignee_id", Kind.USERS,
      "requester_id", Kind.USERS, "organization_id", Kind.ORGANIZATIONS, "schedule_id", Kind.SCHEDULES,
      "within_schedule", Kind.SCHEDULES);
  private static final List<String> TICKET_TYPES = List.of("", "question", "incident", "problem", "task");
  private static final Set<String> HANDOFF_ONLY = Set.of("messaging_session_state");

  private final IdMapping mapping;
  private final boolean sla;

  ConditionExporter(IdMapping mapping, boolean sla) {
    this.mapping = mapping;
    this.sla = sla;
  }

  ObjectNode block(JsonNode conditions, List<String> problems) {
    ObjectNode out = NODES.objectNode();
    for (String group : List.of("all", "any")) {
      ArrayNode list = out.putArray(group);
      conditions.path(group).forEach(c -> {
        ObjectNode z = one(c, problems);
        if (z != null) {
          list.add(z);
        }
      });
    }
    return out;
  }

  /** One condition in Zendesk's spelling, or null (with the reason in {@code problems}). */
  ObjectNode one(JsonNode c, List<String> problems) {
    String field = c.path("field").asText();
    Operator o = Operator.fromWire(c.path("operator").asText("is"));
    String label = "condition " + field + " " + c.path("operator").asText("is");
    if (o == null || HANDOFF_ONLY.contains(field) || o == Operator.REGEX || field.equals("role")
        && "system".equals(c.path("value").asText())) {
      problems.add(label + ": Handoff-only, Zendesk has no counterpart");
      return null;
    }
    boolean userField = field.startsWith("requester.custom_fields.") || field.startsWith("organization.custom_fields.");
    boolean textField = field.equals("comment_includes_word") || field.equals("subject_includes_word");
    if (textField && (o == Operator.IS || o == Operator.IS_NOT)) {
      problems.add(label + ": Handoff's whole-text equality has no Zendesk spelling (Zendesk's is means contains)");
      return null;
    }
    String op = textField && o == Operator.CONTAINS ? "is" : textField && o == Operator.NOT_CONTAINS ? "is_not"
        : wireOperator(o, userField);
    if (op == null || (o == Operator.IS_ONE_OF || o == Operator.IS_NOT_ONE_OF) && !field.equals("via_id")) {
      problems.add(label + ": operator has no Zendesk spelling for this field");
      return null;
    }
    ObjectNode z = NODES.objectNode();
    JsonNode value = c.get("value");
    if (!sla && ZendeskExporter.PSEUDO_BACK.containsKey(field)) {
      boolean presence = o == Operator.PRESENT || o == Operator.NOT_PRESENT;
      if (presence && !field.equals("custom_fields_satisfaction")) {
        problems.add(label + ": no Zendesk spelling");
        return null;
      }
      z.put("field", ZendeskExporter.PSEUDO_BACK.get(field));
      z.put("operator", presence ? (o == Operator.NOT_PRESENT ? "is" : "is_not") : op);
      z.set("value", presence ? NODES.textNode("unoffered") : o.takesValue() && value != null ? value : NODES.nullNode());
      return z;
    }
    if (field.startsWith("custom_fields_")) {
      String id = mapping.reverse(Kind.CUSTOM_FIELDS, field.substring("custom_fields_".length()));
      if (id == null) {
        problems.add(label + ": no Zendesk id for custom field " + field);
        return null;
      }
      field = (sla ? "ticket_fields_" : "custom_fields_") + id;
    } else if (sla && field.equals("type")) {
      field = "ticket_type_id";
      value = NODES.numberNode(TICKET_TYPES.indexOf(value == null ? "" : value.asText()));
    } else if (ID_FIELDS.containsKey(field) && value != null && value.isTextual() && !value.asText().isEmpty()) {
      String id = mapping.reverse(ID_FIELDS.get(field), value.asText());
      if (id == null) {
        problems.add(label + ": no Zendesk id for " + value.asText());
        return null;
      }
      value = NODES.textNode(id);
    }
    z.put("field", field);
    z.put("operator", op);
    z.set("value", o.takesValue() && value != null ? value : NODES.nullNode());
    return z;
  }

  private static String wireOperator(Operator o, boolean userField) {
    if (CHANGE_NAMES.containsKey(o)) {
      return CHANGE_NAMES.get(o);
    }
    return switch (o) {
      case IS_ONE_OF -> "includes";
      case IS_NOT_ONE_OF -> "not_includes";
      case INCLUDES -> userField ? "includes_words" : "includes";
      case NOT_INCLUDES -> userField ? "not_includes_words" : "not_includes";
      case CONTAINS -> userField ? "includes_string" : null;
      case NOT_CONTAINS -> userField ? "not_includes_string" : null;
      default -> o.wireName();
    };
  }
}
