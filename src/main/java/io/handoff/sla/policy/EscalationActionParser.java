package io.handoff.sla.policy;

import io.handoff.sla.policy.EscalationWire.Kind;
import io.handoff.support.SupportAction;
import io.handoff.ticket.TicketPriority;
import io.handoff.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Parses {@code on_warning} / {@code on_breach} lists: {@code raise_priority}, or one-key mappings
 * {@code {set_priority: urgent}}, {@code {set_group: tier2}}, {@code {add_tag: sla_breached}},
 * {@code {internal_note: text}}, {@code {notify_email: a@b.c, subject: s, body: b}},
 * {@code {notify_webhook: name, body: json}}, into the support actions they are (see {@link EscalationWire}).
 */
final class EscalationActionParser {

  private static final Set<String> KEYS = Set.of("set_priority", "set_group", "add_tag", "internal_note",
      "notify_email", "notify_webhook", "subject", "body");

  private EscalationActionParser() {}

  /** The actions, or null when any is invalid (errors reported). */
  static List<SupportAction> parse(YamlReader r, String rule, Node node, String what) {
    List<Node> items = r.sequence(node, rule, what);
    if (items == null) {
      return null;
    }
    List<SupportAction> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      EscalationWire a = action(r, rule, item);
      ok &= a != null;
      if (a != null) {
        out.add(a.action());
      }
    }
    return ok ? out : null;
  }

  private static EscalationWire action(YamlReader r, String rule, Node node) {
    if (node instanceof ScalarNode s) {
      if (s.getValue().trim().equals("raise_priority")) {
        return new EscalationWire(Kind.RAISE_PRIORITY, null, null, null);
      }
      r.error(node, rule, "unknown action \"" + s.getValue() + "\" (a bare action can only be raise_priority)");
      return null;
    }
    Map<String, Node> m = r.mapping(node, rule, "action", KEYS);
    if (m == null) {
      return null;
    }
    List<String> kinds = m.keySet().stream().filter(k -> !k.equals("subject") && !k.equals("body")).toList();
    if (kinds.size() != 1) {
      r.error(node, rule, "an action needs exactly one of set_priority, set_group, add_tag, internal_note,"
          + " notify_email, notify_webhook");
      return null;
    }
    String key = kinds.get(0);
    String value = r.scalar(m.get(key), rule, key);
    String subject = m.containsKey("subject") ? r.scalar(m.get("subject"), rule, "subject") : null;
    String body = m.containsKey("body") ? r.scalar(m.get("body"), rule, "body") : null;
    if (value == null) {
      return null;
    }
    Kind kind = Kind.valueOf(key.toUpperCase(Locale.ROOT));
    return switch (kind) {
      case SET_PRIORITY -> priority(r, rule, m.get(key), value);
      case INTERNAL_NOTE -> new EscalationWire(kind, null, null, value);
      case NOTIFY_EMAIL, NOTIFY_WEBHOOK -> notify(r, rule, node, kind, value, subject, body);
      default -> new EscalationWire(kind, value, null, null);
    };
  }

  private static EscalationWire priority(YamlReader r, String rule, Node node, String value) {
    if (TicketPriority.fromWire(value) == null) {
      r.error(node, rule, "unknown priority \"" + value + "\" (expected low, normal, high or urgent)");
      return null;
    }
    return new EscalationWire(Kind.SET_PRIORITY, TicketPriority.fromWire(value).wireName(), null, null);
  }

  private static EscalationWire notify(YamlReader r, String rule, Node node, Kind kind, String value,
      String subject, String body) {
    if (body == null) {
      r.error(node, rule, kind.name().toLowerCase(Locale.ROOT) + " needs a body");
      return null;
    }
    if (kind == Kind.NOTIFY_EMAIL && !value.matches("[^@\\s]+@[^@\\s]+")) {
      r.error(node, rule, "notify_email needs an email address, got \"" + value + "\"");
      return null;
    }
    return new EscalationWire(kind, value, kind == Kind.NOTIFY_EMAIL ? subject : null, body);
  }
}
