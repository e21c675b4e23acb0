package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.support.SupportActionType;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one Zendesk trigger action ({@code field}, {@code value}) to Handoff's support actions, which use
 * Zendesk's names. Actions Handoff has no counterpart for are recorded as unsupported by name.
 */
final class ActionMapper {

  private static final Set<String> MACRO_ONLY =
      Set.of("subject", "comment_value", "comment_value_html", "comment_mode_is_public");
  private static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
  private static final Set<String> PRIORITIES = Set.of("", "low", "normal", "high", "urgent");
  private static final Set<String> TYPES = Set.of("", "question", "incident", "problem", "task");
  private static final Set<String> RECIPIENTS =
      Set.of("requester_id", "requester_and_ccs", "assignee_id", "current_user", "all_agents");
  /** Actions on parts of a ticket Handoff does not have, with the reason. */
  private static final Map<String, String> ABSENT = Map.of(
      "cc", "Handoff tickets have no CCs (e-mails go to the requester)",
      "follower", "Handoff tickets have no followers",
      "brand_id", "Handoff has no brands",
      "custom_status_id", "Handoff has no custom statuses",
      "locale_id", "the requester's language is detected from messages, not set by rules");
  /** Target types Zendesk no longer delivers: URL targets since 28 Oct 2024, HTTP targets since 2022. */
  private static final Set<String> RETIRED_TARGETS = Set.of("url_target", "url_target_v2", "http_target");
  private static final String RETIRED = "URL, branded and HTTP targets no longer work in Zendesk (URL and branded"
      + " targets since 28 Oct 2024): the action sends nothing there; rebuild it as a webhook"
      + " (notification_webhook), as Zendesk advises, then import again";

  private final IdMapping mapping;
  private final Bodies.Context texts;

  ActionMapper(IdMapping mapping, Bodies.Context texts) {
    this.mapping = mapping;
    this.texts = texts;
  }

  /** The Handoff action ({@code field}, {@code value}), or null with findings. */
  Map<String, Object> map(JsonNode a, Findings f) {
    String field = a.path("field").asText("");
    JsonNode value = a.get("value");
    String label = "action " + field + " " + ZValues.label(value);
    if (ConditionMapper.PSEUDO_FIELDS.containsKey(field)) {
      String v = ZValues.text(value);
      if (v == null) {
        return fail(f, label, "a list value is not supported here");
      }
      if (field.equals("satisfaction_score")) {
        f.warnings.add(label + ": kept as custom field \"satisfaction\" (Handoff sends no satisfaction survey)");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("field", ConditionMapper.PSEUDO_FIELDS.get(field));
      out.put("value", v);
      return out;
    }
    if (field.equals("notification_target")) {
      return target(value, f, label);
    }
    SupportActionType type = SupportActionType.fromWire(field);
    if (type == null && ABSENT.containsKey(field)) {
      return fail(f, label, ABSENT.get(field));
    }
    if (type == null) {
      String why = MACRO_ONLY.contains(field) ? "a macro-only action, not available in triggers"
          : "action \"" + field + "\" has no Handoff counterpart";
      return fail(f, label, why);
    }
    Object v = switch (type) {
      case STATUS -> enumValue(value, STATUSES, f, label);
      case PRIORITY -> enumValue(value, PRIORITIES, f, label);
      case TYPE -> enumValue(value, TYPES, f, label);
      case GROUP -> id(value, Kind.GROUPS, Set.of(), f, label);
      case ASSIGNEE -> id(value, Kind.USERS, Set.of("current_user", "requester_id"), f, label);
      case CUSTOM_FIELD -> value != null && value.isArray() ? multiSelect(value, f, label) : scalar(value, f, label);
      case SET_SCHEDULE -> id(value, Kind.SCHEDULES, Set.of(), f, label);
      case ADD_TAGS, REMOVE_TAGS, SET_TAGS -> tags(value, f, label);
      case REPLY_PUBLIC, REPLY_INTERNAL -> body(value, f, label);
      case NOTIFY_USER, NOTIFY_GROUP -> email(type, value, f, label);
      case NOTIFY_WEBHOOK -> webhook(value, f, label);
      case RAISE_PRIORITY -> fail(f, label, "action \"" + field + "\" has no Handoff counterpart"); // fromWire skips it
    };
    if (v == null) {
      return null;
    }
    String outField = field;
    if (type == SupportActionType.CUSTOM_FIELD) {
      String key = mapping.lookup(Kind.CUSTOM_FIELDS, field.substring("custom_fields_".length()));
      if (key == null) {
        f.needsMapping.add(label + ": custom field " + field.substring("custom_fields_".length()) + " has no mapping");
        return null;
      }
      outField = "custom_fields_" + key;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", outField);
    out.put("value", v);
    return out;
  }

  private static String scalar(JsonNode value, Findings f, String label) {
    String s = ZValues.text(value);
    if (s == null) {
      f.unsupported.add(label + ": list values (multi-select fields) are not supported");
    }
    return s;
  }

  /** A multi-select field's options, kept as Handoff keeps them: space-separated option tags. */
  private static String multiSelect(JsonNode value, Findings f, String label) {
    List<String> options = ZValues.texts(value);
    if (options.contains(null) || options.stream().anyMatch(o -> o.isBlank() || o.contains(" "))) {
      f.unsupported.add(label + ": multi-select options must be option tags (no nested lists or spaces)");
      return null;
    }
    return String.join(" ", options);
  }

  private static String enumValue(JsonNode value, Set<String> allowed, Findings f, String label) {
    String s = scalar(value, f, label);
    if (s != null && !allowed.contains(s.toLowerCase(Locale.ROOT))) {
      f.unsupported.add(label + ": value \"" + s + "\" is not supported");
      return null;
    }
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private String id(JsonNode value, Kind kind, Set<String> tokens, Findings f, String label) {
    String s = scalar(value, f, label);
    if (s == null || s.isEmpty() || tokens.contains(s)) {
      return s;
    }
    if (s.equals("current_groups")) {
      f.unsupported.add(label + ": \"current_groups\" is a macro-only value");
      return null;
    }
    String name = mapping.lookup(kind, s);
    if (name == null) {
      f.needsMapping.add(label + ": " + kind.section() + " id " + s + " has no mapping");
    }
    return name;
  }

  private static String tags(JsonNode value, Findings f, String label) {
    if (value != null && value.isArray()) {
      return String.join(" ", ZValues.texts(value));
    }
    return scalar(value, f, label);
  }

  private String body(JsonNode value, Findings f, String label) {
    String s = scalar(value, f, label);
    return s == null ? null : Bodies.convert(label, s, mapping, f, texts);
  }

  private List<String> email(SupportActionType type, JsonNode value, Findings f, String label) {
    List<String> args = ZValues.texts(value);
    if (args.size() != 3 || args.contains(null)) {
      f.unsupported.add(label + ": expected [recipient, subject, body]");
      return null;
    }
    String to = args.get(0);
    if (type == SupportActionType.NOTIFY_GROUP && !to.equals("group_id")) {
      to = mapping.lookup(Kind.GROUPS, to);
    } else if (type == SupportActionType.NOTIFY_USER && to.equals("requester_and_ccs")) {
      f.warnings.add(label + ": Handoff e-mails the requester only (tickets carry no CCs)");
    } else if (type == SupportActionType.NOTIFY_USER && !RECIPIENTS.contains(to)) {
      to = mapping.lookup(Kind.USERS, to);
    }
    if (to == null) {
      Kind k = type == SupportActionType.NOTIFY_GROUP ? Kind.GROUPS : Kind.USERS;
      f.needsMapping.add(label + ": " + k.section() + " id " + args.get(0) + " has no mapping");
    }
    String subject = Bodies.convert(label + " subject", args.get(1), mapping, f, texts);
    String body = Bodies.convert(label + " body", args.get(2), mapping, f, texts);
    return to == null || subject == null || body == null ? null : List.of(to, subject, body);
  }

  /**
   * {@code notification_target [target id, message]}. An e-mail target ({@code email_target}: its
   * {@code email} and {@code subject}, from {@code GET /api/v2/targets}) e-mails the message to that address:
   * it becomes {@code notification_user [address, subject, message]}. Other targets are reported.
   */
  private Map<String, Object> target(JsonNode value, Findings f, String label) {
    List<String> args = ZValues.texts(value);
    if (args.size() != 2 || args.contains(null)) {
      return fail(f, label, "expected [target id, message]");
    }
    JsonNode t = texts.target(args.get(0));
    if (t == null) {
      return fail(f, label, texts.targets() == null
          ? "target " + args.get(0) + ": its type is in the account's targets (GET /api/v2/targets, --targets);"
              + " an e-mail target imports from there, while " + RETIRED
          : "target " + args.get(0) + " is not in the targets file");
    }
    String type = t.path("type").asText();
    if (!type.equals("email_target")) {
      return fail(f, label, RETIRED_TARGETS.contains(type) ? "a " + type + ": " + RETIRED
          : "a " + type + " has no Handoff counterpart");
    }
    if (!t.path("active").asBoolean(true)) {
      return fail(f, label, "e-mail target " + args.get(0) + " is inactive in Zendesk: the action sends nothing");
    }
    String to = t.path("email").asText("");
    if (to.isBlank()) {
      return fail(f, label, "e-mail target " + args.get(0) + " has no email");
    }
    String subject = Bodies.convert(label + " subject", t.path("subject").asText(""), mapping, f, texts);
    String body = Bodies.convert(label + " body", args.get(1), mapping, f, texts);
    if (subject == null || body == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", SupportActionType.NOTIFY_USER.wireName());
    out.put("value", List.of(to, subject, body));
    return out;
  }

  /**
   * {@code notification_webhook [webhook id, content]}: a JSON (or, for an xml webhook, XML) body, or for a
   * webhook that takes parameters (GET, DELETE, form_encoded; method and format from the webhooks file)
   * {@code [["key", "value"], ...]}, given as an array or as its JSON text; kept as its JSON text.
   */
  private List<String> webhook(JsonNode value, Findings f, String label) {
    if (value == null || !value.isArray() || value.size() != 2) {
      f.unsupported.add(label + ": expected [webhook id, body]");
      return null;
    }
    String zid = ZValues.text(value.get(0));
    JsonNode hook = zid == null ? null : texts.webhook(zid);
    String method = hook == null ? "POST" : hook.path("http_method").asText("POST").toUpperCase(java.util.Locale.ROOT);
    String format = hook == null ? "json" : hook.path("request_format").asText("json");
    boolean parameters = hook != null && io.handoff.support.Webhook.takesParameters(method, format);
    String body = ZValues.text(value.get(1));
    if (body == null && parameters) {
      body = value.get(1).toString();
    } else if (body == null) {
      f.unsupported.add(label + ": [[key, value]] parameters for " + (hook == null
          ? "webhook " + zid + ", whose method and format are not in the webhooks file"
          : "a " + method + " " + format + " webhook, which sends a body"));
      return null;
    }
    String id = mapping.lookup(Kind.WEBHOOKS, zid);
    if (id == null) {
      f.needsMapping.add(label + ": webhook " + zid + " is not in the webhooks file nor mapped");
    }
    String converted = Bodies.convert(label, body, mapping, f, texts);
    boolean ok = parameters ? parameters(label, body, f)
        : format.equals("xml") || Bodies.checkJson(label, body, f);
    return id == null || !ok || converted == null ? null : List.of(id, converted);
  }

  /** Webhook parameters must be {@code [["key", "value"], ...]} (or nothing) once placeholders are rendered. */
  private static boolean parameters(String label, String body, Findings f) {
    if (io.handoff.support.WebhookParameters.written(body)) {
      return true;
    }
    f.unsupported.add(label + ": webhook parameters are not [[\"key\", \"value\"], ...] once placeholders are rendered");
    return false;
  }

  private static Map<String, Object> fail(Findings f, String label, String why) {
    f.unsupported.add(label + ": " + why);
    return null;
  }
}
