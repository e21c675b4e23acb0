package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.support.SupportField;
import io.handoff.support.SupportVocabulary;
import io.handoff.trigger.FieldRef;
import io.handoff.trigger.Operator;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one Zendesk condition ({@code field}, {@code operator}, {@code value}) to Handoff's support
 * vocabulary, which already uses Zendesk's names. SLA spellings ({@code ticket_fields_<id>},
 * {@code ticket_type_id}) and the docs' {@code user.custom_fields_<key>} are accepted. Anything Handoff
 * cannot evaluate is recorded as unsupported by name, never dropped.
 */
final class ConditionMapper {

  private static final List<String> TICKET_TYPES = List.of("", "question", "incident", "problem", "task");
  private static final Set<String> USER_TOKENS = SupportVocabulary.USER_TOKENS;
  /**
   * Zendesk fields Handoff keeps as a custom field of the ticket: the form's id, and the satisfaction
   * state (Handoff sends no survey; actions and conditions read and write the same value).
   */
  static final Map<String, String> PSEUDO_FIELDS = Map.of(
      "ticket_form_id", "custom_fields_ticket_form", "satisfaction_score", "custom_fields_satisfaction");
  /** Via codes Handoff folds into a coarser channel than Zendesk does. */
  private static final Map<String, String> VIA_CAVEATS = Map.of(
      "41", "Handoff reads 41 (Facebook private message) as facebook, which also matches 78 (Messenger)",
      "78", "Handoff reads 78 (Messenger) as facebook, which also matches 41 (Facebook private message)");

  private final IdMapping mapping;

  ConditionMapper(IdMapping mapping) {
    this.mapping = mapping;
  }

  /** The Handoff condition ({@code field}, {@code operator}, {@code value}), or null with findings. */
  Map<String, Object> map(JsonNode c, Findings f) {
    String field = c.path("field").asText("");
    JsonNode opNode = c.get("operator");
    String op = opNode == null || opNode.isNull() ? "is" : opNode.asText();
    JsonNode value = c.get("value");
    String label = "condition " + field + " " + op + " " + ZValues.label(value);
    if (field.startsWith("ticket_fields_")) {
      field = "custom_fields_" + field.substring("ticket_fields_".length());
    } else if (field.startsWith("user.custom_fields_")) {
      field = "requester.custom_fields." + field.substring("user.custom_fields_".length());
    } else if (field.equals("ticket_type_id")) {
      field = "type";
      String code = ZValues.text(value);
      int i = code == null || !code.matches("\\d") ? -1 : Integer.parseInt(code);
      if (i < 0 || i >= TICKET_TYPES.size()) {
        return unsupported(f, label, "unknown ticket type id");
      }
      value = com.fasterxml.jackson.databind.node.TextNode.valueOf(TICKET_TYPES.get(i));
    }
    if (PSEUDO_FIELDS.containsKey(field)) {
      return pseudo(field, op, value, f, label);
    }
    if (field.equals("ticket_is_public") && value != null && value.isBoolean()) {
      value = com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asBoolean() ? "public" : "private");
    }
    Operator o = Operator.fromWire(op);
    FieldRef<SupportField> ref = SupportVocabulary.INSTANCE.field(field);
    if (ref == null) {
      return unsupported(f, label, "field \"" + field + "\" is not in Handoff's support-trigger vocabulary");
    }
    boolean via = ref.kind() == SupportField.VIA || ref.kind() == SupportField.CURRENT_VIA;
    if (o == Operator.INCLUDES && via && value != null && value.isArray()) {
      o = Operator.IS_ONE_OF;
    } else if (o == Operator.NOT_INCLUDES && via && value != null && value.isArray()) {
      o = Operator.IS_NOT_ONE_OF;
    }
    if ((o == Operator.INCLUDES || o == Operator.NOT_INCLUDES) && value != null && value.isArray()
        && !ZValues.texts(value).contains(null)) {
      // multi-select options (and tags) as a list: Handoff's includes takes them space-separated (any of them)
      value = com.fasterxml.jackson.databind.node.TextNode.valueOf(String.join(" ", ZValues.texts(value)));
    }
    if (isText(ref) && (o == Operator.IS || o == Operator.IS_NOT)) {
      // Zendesk's "is" on comment and subject text means "contains the string"; Handoff's is equality.
      o = o == Operator.IS ? Operator.CONTAINS : Operator.NOT_CONTAINS;
    }
    if (o == null || !ref.operators().contains(o)) {
      return unsupported(f, label, "operator \"" + op + "\" is not supported for " + field);
    }
    String token = ZValues.text(value);
    if ((ref.kind() == SupportField.ASSIGNEE || ref.kind() == SupportField.REQUESTER) && USER_TOKENS.contains(token)) {
      if (o != Operator.IS && o != Operator.IS_NOT) {
        return unsupported(f, label, "relative value \"" + token + "\" is supported with is and is_not only");
      }
      Map<String, Object> rel = new LinkedHashMap<>();
      rel.put("field", field);
      rel.put("operator", o.wireName());
      rel.put("value", token);
      return rel;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    String mappedField = mapField(ref, field, f, label);
    if (mappedField == null) {
      return null;
    }
    out.put("field", mappedField);
    out.put("operator", o.wireName());
    if (!o.takesValue()) {
      return out;
    }
    Object v = o.takesList() ? list(ref, value, f, label) : scalar(ref, value, f, label);
    if (v == null) {
      return null;
    }
    out.put("value", v);
    return out;
  }

  /**
   * {@code ticket_form_id} and {@code satisfaction_score} as custom fields. Zendesk's satisfaction starts
   * as "unoffered", so {@code is unoffered} is "not present" and {@code is_not unoffered} "present".
   */
  private static Map<String, Object> pseudo(String field, String op, JsonNode value, Findings f, String label) {
    Operator o = Operator.fromWire(op);
    String v = ZValues.text(value);
    if (o == null || v == null || o.takesList() || o == Operator.LESS_THAN || o == Operator.GREATER_THAN
        || o == Operator.INCLUDES || o == Operator.NOT_INCLUDES) {
      return unsupported(f, label, "operator \"" + op + "\" is not supported for " + field);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", PSEUDO_FIELDS.get(field));
    boolean unoffered = field.equals("satisfaction_score") && v.equals("unoffered");
    if (unoffered && (o == Operator.IS || o == Operator.IS_NOT)) {
      out.put("operator", o == Operator.IS ? Operator.NOT_PRESENT.wireName() : Operator.PRESENT.wireName());
      return out;
    }
    if (unoffered) {
      return unsupported(f, label, "\"unoffered\" is the absence of a value: use is or is_not");
    }
    out.put("operator", o.wireName());
    if (o.takesValue()) {
      out.put("value", v);
    }
    if (field.equals("satisfaction_score")) {
      f.warnings.add(label + ": kept as custom field \"satisfaction\" (Handoff sends no satisfaction survey)");
    }
    return out;
  }

  static boolean isText(FieldRef<SupportField> ref) {
    return ref.kind() == SupportField.COMMENT_TEXT || ref.kind() == SupportField.SUBJECT_TEXT;
  }

  private String mapField(FieldRef<SupportField> ref, String field, Findings f, String label) {
    if (ref.kind() != SupportField.CUSTOM_FIELD) {
      return field;
    }
    String key = mapping.lookup(Kind.CUSTOM_FIELDS, ref.key());
    if (key == null) {
      f.needsMapping.add(label + ": custom field " + ref.key() + " has no mapping");
      return null;
    }
    return "custom_fields_" + key;
  }

  private Object list(FieldRef<SupportField> ref, JsonNode value, Findings f, String label) {
    // Every value is checked, so the report names each unmapped id and unsupported value of the list.
    List<String> out = new java.util.ArrayList<>();
    boolean ok = true;
    for (String s : ZValues.texts(value)) {
      String v = s == null ? null : checked(ref, s, f, label);
      if (s == null) {
        unsupported(f, label, "nested lists are not supported");
      }
      ok &= v != null;
      out.add(v);
    }
    return ok ? out : null;
  }

  private String scalar(FieldRef<SupportField> ref, JsonNode value, Findings f, String label) {
    String s = ZValues.text(value);
    if (s == null) {
      unsupported(f, label, "a list value is not supported here");
      return null;
    }
    return checked(ref, s, f, label);
  }

  /** Checks a value against the field's list and resolves ids through the mapping. */
  private String checked(FieldRef<SupportField> ref, String s, Findings f, String label) {
    if (!s.isEmpty() && !ref.values().isEmpty()
        && ref.values().stream().noneMatch(a -> a.equalsIgnoreCase(s))) {
      unsupported(f, label, "value \"" + s + "\" is not supported for " + ref.name()
          + " (Handoff accepts " + String.join(", ", ref.values()) + ")");
      return null;
    }
    Kind kind = switch (ref.kind()) {
      case GROUP -> Kind.GROUPS;
      case ASSIGNEE, REQUESTER -> Kind.USERS;
      case ORGANIZATION -> Kind.ORGANIZATIONS;
      case SCHEDULE, WITHIN_SCHEDULE -> Kind.SCHEDULES;
      default -> null;
    };
    if ((ref.kind() == SupportField.VIA || ref.kind() == SupportField.CURRENT_VIA) && VIA_CAVEATS.containsKey(s)) {
      f.warnings.add(label + ": " + VIA_CAVEATS.get(s));
    }
    if (kind == null || s.isEmpty()) {
      return ref.kind() == SupportField.STATUS || ref.kind() == SupportField.PRIORITY
          ? s.toLowerCase(Locale.ROOT) : s;
    }
    String name = mapping.lookup(kind, s);
    if (name == null) {
      f.needsMapping.add(label + ": " + kind.section() + " id " + s + " has no mapping");
    }
    return name;
  }

  private static Map<String, Object> unsupported(Findings f, String label, String why) {
    f.unsupported.add(label + ": " + why);
    return null;
  }
}
