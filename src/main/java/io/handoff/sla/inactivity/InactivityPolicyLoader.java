package io.handoff.sla.inactivity;

import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.Durations;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code workflows/inactivity.yaml} (format in {@code docs/sla.md}). Defaults follow Zendesk:
 * inactive after 10 minutes; reminders 5 min, +5 min, +1 min when their {@code after} is omitted.
 */
public final class InactivityPolicyLoader {

  static final Duration DEFAULT_INACTIVE_AFTER = Duration.ofMinutes(10);
  static final List<Duration> DEFAULT_AFTER = List.of(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(1));
  private static final Set<String> TOP = Set.of("inactive_after", "reminders", "end_session");
  private static final Set<String> REMINDER = Set.of("after", "message", "set_status", "add_tag");

  private InactivityPolicyLoader() {}

  public static Loaded<InactivityPolicy> load(Path file) {
    YamlReader r = new YamlReader(file.toString());
    return read(r, r.read(file));
  }

  public static Loaded<InactivityPolicy> parse(String fileName, String text) {
    YamlReader r = new YamlReader(fileName);
    return read(r, r.parse(text));
  }

  private static Loaded<InactivityPolicy> read(YamlReader r, Node root) {
    Map<String, Node> top = root == null ? null : r.mapping(root, null, "inactivity file", TOP);
    if (top == null) {
      return r.result(null);
    }
    Duration inactiveAfter = top.containsKey("inactive_after")
        ? duration(r, top.get("inactive_after"), "inactive_after") : DEFAULT_INACTIVE_AFTER;
    boolean endSession = true;
    if (top.containsKey("end_session")) {
      String b = r.scalar(top.get("end_session"), null, "end_session");
      if (!"true".equals(b) && !"false".equals(b)) {
        r.error(top.get("end_session"), null, "end_session must be true or false");
      }
      endSession = !"false".equals(b);
    }
    List<Reminder> reminders = new ArrayList<>();
    List<Node> items = top.containsKey("reminders") ? r.sequence(top.get("reminders"), null, "reminders") : List.of();
    if (items != null && items.size() > InactivityPolicy.MAX_REMINDERS) {
      r.error(items.get(InactivityPolicy.MAX_REMINDERS), null, "at most " + InactivityPolicy.MAX_REMINDERS
          + " reminders are allowed, found " + items.size());
      items = items.subList(0, InactivityPolicy.MAX_REMINDERS);
    }
    for (int i = 0; items != null && i < items.size(); i++) {
      Reminder rem = reminder(r, items.get(i), i);
      if (rem != null) {
        reminders.add(rem);
      }
    }
    if (r.hasErrors() || inactiveAfter == null) {
      return r.result(null);
    }
    return r.result(new InactivityPolicy(inactiveAfter, reminders, endSession));
  }

  private static Reminder reminder(YamlReader r, Node node, int index) {
    String rule = "reminder " + (index + 1);
    Map<String, Node> m = r.mapping(node, rule, "reminder", REMINDER);
    if (m == null) {
      return null;
    }
    Duration after = m.containsKey("after") ? duration(r, m.get("after"), "after") : DEFAULT_AFTER.get(index);
    String message = m.containsKey("message") ? r.scalar(m.get("message"), rule, "message") : null;
    if (!m.containsKey("message")) {
      r.missing(node, rule, "message");
    }
    TicketStatus status = null;
    if (m.containsKey("set_status")) {
      String s = r.scalar(m.get("set_status"), rule, "set_status");
      status = s == null ? null : TicketStatus.fromWire(s);
      if (s != null && (status == null || status == TicketStatus.NEW || status == TicketStatus.CLOSED)) {
        r.error(m.get("set_status"), rule, "set_status must be open, pending, hold or solved, got \"" + s + "\"");
      }
    }
    String tag = m.containsKey("add_tag") ? r.scalar(m.get("add_tag"), rule, "add_tag") : null;
    return after == null || message == null ? null : new Reminder(after, message, status, tag);
  }

  private static Duration duration(YamlReader r, Node node, String what) {
    String text = r.scalar(node, null, what);
    Duration d = text == null ? null : Durations.parse(text);
    if (text != null && (d == null || d.compareTo(Duration.ofMinutes(1)) < 0)) {
      r.error(node, null, what + " must be a duration of at least 1 minute (e.g. 10, 5m, 1h), got \"" + text + "\"");
      return null;
    }
    return d;
  }
}
