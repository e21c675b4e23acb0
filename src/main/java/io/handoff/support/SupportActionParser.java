package io.handoff.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.Placeholders;
import io.handoff.yaml.Problems;
import io.handoff.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Parses and checks a support trigger's {@code actions: [{field, value}]}. */
public final class SupportActionParser {

  private static final Set<String> KEYS = Set.of("field", "value");
  private static final List<String> TYPES = io.handoff.ticket.Ticket.TYPES;
  private static final String STATUSES = "new, open, pending, hold, solved, closed";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Problems problems;
  private final YamlReader yaml;
  private final String rule;
  private final Map<String, Webhook> webhooks;

  public SupportActionParser(Problems problems, String rule, Map<String, Webhook> webhooks) {
    this.problems = problems;
    this.yaml = new YamlReader(problems);
    this.rule = rule;
    this.webhooks = webhooks;
  }

  public List<SupportAction> parse(Node node) {
    List<SupportAction> out = new ArrayList<>();
    for (Node item : yaml.items(node, rule, "actions")) {
      SupportAction a = one(item);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  private SupportAction one(Node node) {
    int line = YamlReader.line(node);
    Map<String, Node> e = yaml.entries(node, rule, "action", KEYS);
    String field = YamlReader.scalar(e.get("field"));
    SupportActionType type = field == null ? null : SupportActionType.fromWire(field);
    if (type == null) {
      problems.error(line, rule, "unknown action \"" + field + "\"");
      return null;
    }
    Node value = e.get("value");
    String text = YamlReader.scalar(value);
    return switch (type) {
      case STATUS -> choice(type, field, text, line, TicketStatus.fromWire(text) != null, STATUSES);
      case PRIORITY -> choice(type, field, text, line, emptyOr(text, TicketPriority.fromWire(text) != null),
          "low, normal, high, urgent, or \"\"");
      case TYPE -> choice(type, field, text, line, emptyOr(text, TYPES.contains(text)), String.join(", ", TYPES));
      case SET_SCHEDULE -> choice(type, field, text, line, text != null && !text.isBlank(),
          "a schedule name of business-hours.yaml");
      case GROUP, ASSIGNEE, CUSTOM_FIELD -> choice(type, field, text, line, text != null, "a name, or \"\" to clear");
      case ADD_TAGS, REMOVE_TAGS, SET_TAGS -> tags(type, field, value, line);
      case REPLY_PUBLIC, REPLY_INTERNAL -> reply(type, field, text, line);
      case NOTIFY_USER, NOTIFY_GROUP -> email(type, field, value, line);
      case NOTIFY_WEBHOOK -> webhook(type, field, value, line);
      case RAISE_PRIORITY -> fail(line, "unknown action \"" + field + "\""); // SLA escalations only; fromWire skips it
    };
  }

  private static boolean emptyOr(String text, boolean valid) {
    return text != null && (text.isEmpty() || valid);
  }

  private SupportAction reply(SupportActionType type, String field, String text, int line) {
    if (text == null || text.isBlank()) {
      return fail(line, "\"" + field + "\" needs a comment body");
    }
    return placeholders(line, List.of(text)) ? new SupportAction(type, field, text, null, null, line) : null;
  }

  private SupportAction choice(
      SupportActionType type, String field, String text, int line, boolean ok, String allowed) {
    if (!ok) {
      return fail(line, "value \"" + text + "\" is not valid for action \"" + field + "\" (allowed: "
          + allowed + ")");
    }
    boolean enumValue = type == SupportActionType.STATUS || type == SupportActionType.PRIORITY
        || type == SupportActionType.TYPE;
    return new SupportAction(type, field, enumValue ? text.toLowerCase(Locale.ROOT) : text, null, null, line);
  }

  private SupportAction tags(SupportActionType type, String field, Node value, int line) {
    Set<String> tags = new LinkedHashSet<>();
    for (String s : YamlReader.scalarList(value)) {
      for (String t : s.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!t.isEmpty()) {
          tags.add(t);
        }
      }
    }
    if (tags.isEmpty() && type != SupportActionType.SET_TAGS) {
      return fail(line, "\"" + field + "\" needs at least one tag");
    }
    return new SupportAction(type, field, null, tags, null, line);
  }

  private SupportAction email(SupportActionType type, String field, Node value, int line) {
    List<String> args = YamlReader.scalarList(value);
    if (args.size() != 3) {
      return fail(line, "\"" + field + "\" needs [recipient, subject, body]");
    }
    return placeholders(line, args) ? new SupportAction(type, field, null, null, args, line) : null;
  }

  private SupportAction webhook(SupportActionType type, String field, Node value, int line) {
    List<String> args = YamlReader.scalarList(value);
    if (args.size() != 2) {
      return fail(line, "\"" + field + "\" needs [webhook id, body]");
    }
    if (!webhooks.containsKey(args.get(0))) {
      return fail(line, "unknown webhook \"" + args.get(0) + "\" (declare it under webhooks)");
    }
    if (!placeholders(line, args)) {
      return null;
    }
    Webhook hook = webhooks.get(args.get(0));
    if ("xml".equals(hook.format()) && !hook.takesParameters()) {
      return new SupportAction(type, field, null, null, args, line);
    }
    if (hook.takesParameters() && args.get(1).isBlank()) {
      return new SupportAction(type, field, null, null, args, line);
    }
    com.fasterxml.jackson.databind.JsonNode body;
    try {
      body = JSON.readTree(Placeholders.renderJson(args.get(1), name -> "x"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return fail(line, (hook.takesParameters() ? "webhook parameters are" : "webhook body is")
          + " not valid JSON: " + e.getOriginalMessage());
    }
    if (hook.takesParameters() && !WebhookParameters.isPairs(body)) {
      return fail(line, "webhook \"" + hook.id() + "\" (" + hook.method() + " " + hook.format()
          + ") takes parameters [[\"key\", \"value\"], ...], not a body");
    }
    return new SupportAction(type, field, null, null, args, line);
  }

  private boolean placeholders(int line, List<String> texts) {
    boolean ok = true;
    for (String t : texts) {
      for (io.handoff.trigger.Liquid.Problem p : Placeholders.liquidProblems(t)) {
        problems.error(line, rule, liquid(t, p));
        ok = false;
      }
      for (String name : SupportVocabulary.unknownPlaceholders(t).stream().filter(n -> !n.startsWith("dc.")).toList()) {
        problems.error(line, rule, "unknown placeholder {{" + name + "}}");
        ok = false;
      }
    }
    return ok;
  }

  /** "text line 3: Liquid tag {% tablerow %} is not supported ..." (the line inside a text of several lines). */
  static String liquid(String text, io.handoff.trigger.Liquid.Problem p) {
    return (text.contains("\n") ? "text line " + p.line() + ": " : "") + p.message();
  }

  private SupportAction fail(int line, String message) {
    problems.error(line, rule, message);
    return null;
  }
}
