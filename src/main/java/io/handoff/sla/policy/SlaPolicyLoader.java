package io.handoff.sla.policy;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.support.SupportAction;
import io.handoff.ticket.TicketPriority;
import io.handoff.yaml.Durations;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads {@code workflows/sla-policies.yaml} (format in {@code docs/sla.md}) against the business
 * hours it refers to, reporting every problem as {@code file:line: rule "policy": message}.
 */
public final class SlaPolicyLoader {

  /** Zendesk's minimum target. */
  static final Duration MIN_TARGET = Duration.ofSeconds(15);
  private static final Set<String> POLICY = Set.of("name", "description", "filter", "business_hours", "schedule",
      "warnings", "on_warning", "on_breach", "targets");
  private static final Set<String> METRIC = Set.of("low", "normal", "high", "urgent", "business_hours", "schedule",
      "warnings", "on_warning", "on_breach");

  private static final List<String> METRIC_PRIORITIES = List.of("low", "normal", "high", "urgent");

  private SlaPolicyLoader() {}

  public static Loaded<SlaPolicies> load(Path file, BusinessHours hours) {
    YamlReader r = new YamlReader(file.toString());
    return read(r, r.read(file), hours);
  }

  public static Loaded<SlaPolicies> parse(String fileName, String text, BusinessHours hours) {
    YamlReader r = new YamlReader(fileName);
    return read(r, r.parse(text), hours);
  }

  private static Loaded<SlaPolicies> read(YamlReader r, Node root, BusinessHours hours) {
    Map<String, Node> top = root == null ? null : r.mapping(root, null, "SLA policies file", Set.of("policies"));
    if (top == null) {
      return r.result(null);
    }
    if (!top.containsKey("policies")) {
      r.missing(root, null, "policies");
      return r.result(null);
    }
    List<Node> items = r.sequence(top.get("policies"), null, "policies");
    List<SlaPolicy> policies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node item : items == null ? List.<Node>of() : items) {
      String name = nameOf(item);
      if (name != null && !names.add(name)) {
        r.error(item, name, "duplicate policy name");
        continue;
      }
      SlaPolicy p = new PolicyParser(r, hours).policy(item);
      if (p != null) {
        policies.add(p);
      }
    }
    return r.result(new SlaPolicies(policies, hours));
  }

  /** The policy's name read without reporting anything, so duplicates are caught even in broken policies. */
  private static String nameOf(Node item) {
    if (item instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
      for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name")
            && t.getValueNode() instanceof ScalarNode v) {
          return v.getValue().trim();
        }
      }
    }
    return null;
  }

  /** Parses one policy; keeps the policy-level defaults that metric entries inherit. */
  private record PolicyParser(YamlReader r, BusinessHours hours) {

    SlaPolicy policy(Node node) {
      Map<String, Node> m = r.mapping(node, null, "policy", POLICY);
      if (m == null) {
        return null;
      }
      String name = m.containsKey("name") ? r.scalar(m.get("name"), null, "name") : null;
      if (name == null) {
        r.missing(node, null, "name");
        return null;
      }
      SlaFilter filter = m.containsKey("filter") ? FilterParser.filter(r, name, m.get("filter")) : SlaFilter.MATCH_ALL;
      Settings defaults = settings(name, m, Settings.NONE);
      if (!m.containsKey("targets")) {
        r.missing(node, name, "targets");
        return null;
      }
      Map<String, Node> targets = r.mapping(m.get("targets"), name, "targets", Set.of());
      List<MetricPolicy> metrics = new ArrayList<>();
      for (Map.Entry<String, Node> e : targets == null ? Map.<String, Node>of().entrySet() : targets.entrySet()) {
        MetricPolicy mp = metric(name, e.getKey(), e.getValue(), defaults);
        if (mp != null) {
          metrics.add(mp);
        }
      }
      String description = m.containsKey("description") ? r.scalar(m.get("description"), name, "description") : null;
      return filter == null || defaults == null ? null
          : new SlaPolicy(name, description, YamlReader.line(node), filter, metrics);
    }

    private MetricPolicy metric(String rule, String key, Node node, Settings defaults) {
      SlaMetric metric = SlaMetric.fromWire(key);
      if (metric == null) {
        r.error(node, rule, "unknown metric \"" + key + "\" (expected one of first_reply_time, next_reply_time,"
            + " periodic_update_time, pausable_update_time, requester_wait_time, agent_work_time,"
            + " total_resolution_time)");
        return null;
      }
      Map<String, Node> m = r.mapping(node, rule, key, METRIC);
      if (m == null) {
        return null;
      }
      // An invalid policy-level setting was already reported; keep checking the metric with none.
      Settings s = settings(rule, m, defaults == null ? Settings.NONE : defaults);
      Map<TicketPriority, Duration> targets = new EnumMap<>(TicketPriority.class);
      for (TicketPriority p : TicketPriority.values()) {
        Node n = m.get(p.wireName());
        Duration d = n == null ? null : target(rule, key, n);
        if (d != null) {
          targets.put(p, d);
        }
      }
      if (targets.isEmpty() && METRIC_PRIORITIES.stream().noneMatch(m::containsKey)) {
        r.error(node, rule, key + " needs a target for at least one priority (low, normal, high, urgent)");
      }
      if (s == null || targets.isEmpty()) {
        return null;
      }
      return new MetricPolicy(metric, targets, s.businessHours, s.schedule, s.warnings, s.onWarning, s.onBreach);
    }

    private Duration target(String rule, String metric, Node n) {
      String text = r.scalar(n, rule, metric + " target");
      Duration d = text == null ? null : Durations.parse(text);
      if (text != null && d == null) {
        r.error(n, rule, metric + " target \"" + text + "\" is not a duration (e.g. 90, 45s, 4h, 1h30m, 2d)");
      } else if (d != null && d.compareTo(MIN_TARGET) < 0) {
        r.error(n, rule, metric + " target " + text + " is below the 15s minimum");
        return null;
      }
      return d;
    }

    /** Reads the settings a policy or metric may set, inheriting unset ones; null when any is invalid. */
    private Settings settings(String rule, Map<String, Node> m, Settings inherited) {
      boolean ok = true;
      boolean businessHours = inherited.businessHours;
      if (m.containsKey("business_hours")) {
        String b = r.scalar(m.get("business_hours"), rule, "business_hours");
        ok = "true".equals(b) || "false".equals(b);
        if (!ok) {
          r.error(m.get("business_hours"), rule, "business_hours must be true or false");
        }
        businessHours = Boolean.parseBoolean(b);
      }
      String schedule = inherited.schedule;
      if (m.containsKey("schedule")) {
        schedule = r.scalar(m.get("schedule"), rule, "schedule");
        if (schedule == null || !hours.has(schedule)) {
          r.error(m.get("schedule"), rule, "unknown business-hours schedule \"" + schedule + "\"");
          ok = false;
        }
      }
      List<Integer> warnings = m.containsKey("warnings") ? warnings(rule, m.get("warnings")) : inherited.warnings;
      List<SupportAction> onWarning = m.containsKey("on_warning")
          ? EscalationActionParser.parse(r, rule, m.get("on_warning"), "on_warning") : inherited.onWarning;
      List<SupportAction> onBreach = m.containsKey("on_breach")
          ? EscalationActionParser.parse(r, rule, m.get("on_breach"), "on_breach") : inherited.onBreach;
      return !ok || warnings == null || onWarning == null || onBreach == null ? null
          : new Settings(businessHours, schedule, warnings, onWarning, onBreach);
    }

    private List<Integer> warnings(String rule, Node node) {
      List<Node> items = r.sequence(node, rule, "warnings");
      if (items == null) {
        return null;
      }
      List<Integer> out = new ArrayList<>();
      for (Node n : items) {
        String t = r.scalar(n, rule, "warning percentage");
        if (t == null || !t.matches("\\d{1,2}") || Integer.parseInt(t) == 0) {
          r.error(n, rule, "a warning is a percentage of the target from 1 to 99, got \"" + t + "\"");
          return null;
        }
        out.add(Integer.parseInt(t));
      }
      return out;
    }
  }

  private record Settings(boolean businessHours, String schedule, List<Integer> warnings,
      List<SupportAction> onWarning, List<SupportAction> onBreach) {

    static final Settings NONE = new Settings(false, null, List.of(), List.of(), List.of());
  }
}
