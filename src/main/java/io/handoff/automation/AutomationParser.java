package io.handoff.automation;

import io.handoff.support.SupportAction;
import io.handoff.support.SupportActionParser;
import io.handoff.support.SupportField;
import io.handoff.support.SupportVocabulary;
import io.handoff.support.Webhook;
import io.handoff.trigger.Condition;
import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.yaml.Problems;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses {@code automations.yaml}: {@code automations}, each in Zendesk's shape ({@code title},
 * {@code description}, {@code active}, {@code position}, {@code conditions {all, any}},
 * {@code actions}). Time-based conditions use Zendesk's fields and operators; the other conditions and
 * the actions are the support triggers'. Reports every problem, including Zendesk's rule that an
 * automation must be able to make one of its conditions false ({@link Nullifying}).
 */
public final class AutomationParser {
  private static final Set<String> TOP_KEYS = Set.of("automations");
  private static final Set<String> KEYS = Set.of("title", "description", "active", "position", "conditions",
      "actions");
  private static final Set<String> GROUP_KEYS = Set.of("all", "any");
  private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value");
  /** Zendesk caps whole hours in time conditions; ten years keeps the arithmetic bounded. */
  private static final int MAX_HOURS = 87_600;
  /** Support-trigger fields that only mean something during an update, which automations do not see. */
  private static final Set<SupportField> UPDATE_ONLY = EnumSet.of(SupportField.UPDATE_TYPE,
      SupportField.COMMENT_IS_PUBLIC, SupportField.COMMENT_TEXT, SupportField.SUBJECT_TEXT, SupportField.ROLE,
      SupportField.IN_BUSINESS_HOURS, SupportField.WITHIN_SCHEDULE);

  private final Problems problems;
  private final YamlReader yaml;
  private final Map<String, Webhook> webhooks;

  public AutomationParser(Problems problems, Map<String, Webhook> webhooks) {
    this.problems = problems;
    this.yaml = new YamlReader(problems);
    this.webhooks = webhooks;
  }

  public AutomationSet parse(String text, String version) {
    Node root = yaml.parse(text);
    if (root == null) {
      return new AutomationSet(List.of(), webhooks, version);
    }
    Map<String, Node> top = yaml.entries(root, null, "automations file", TOP_KEYS);
    List<Automation> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Node item : yaml.items(top.get("automations"), null, "automations")) {
      Automation a = automation(item);
      if (a != null && !titles.add(a.title())) {
        problems.error(a.line(), a.title(), "duplicate automation title");
      } else if (a != null) {
        out.add(a);
      }
    }
    return new AutomationSet(out, webhooks, version);
  }

  private Automation automation(Node node) {
    int line = YamlReader.line(node);
    int before = problems.all().size();
    Map<String, Node> e = yaml.entries(node, YamlReader.peek(node, "title"), "automation", KEYS);
    String title = YamlReader.scalar(e.get("title"));
    if (title == null || title.isBlank()) {
      problems.error(line, null, "automation has no title");
      return null;
    }
    String activeText = YamlReader.scalar(e.get("active"));
    if (activeText != null && !activeText.equalsIgnoreCase("true") && !activeText.equalsIgnoreCase("false")) {
      problems.error(YamlReader.line(e.get("active")), title, "active must be true or false");
    }
    boolean active = !"false".equalsIgnoreCase(activeText);
    int position = position(e.get("position"), title);
    List<TimeCondition> time = new ArrayList<>();
    ConditionGroup<SupportField> conditions = conditions(e.get("conditions"), title, time);
    List<SupportAction> actions = new SupportActionParser(problems, title, webhooks).parse(e.get("actions"));
    if (YamlReader.isNull(e.get("actions")) || e.get("actions") instanceof SequenceNode s && s.getValue().isEmpty()) {
      problems.error(line, title, "automation has no actions");
    }
    boolean failed = problems.all().subList(before, problems.all().size()).stream()
        .anyMatch(p -> p.severity() == RuleFileError.Severity.ERROR);
    if (failed) {
      return null;
    }
    if (time.isEmpty()) {
      problems.error(line, title, "an automation needs at least one time-based condition under all ("
          + String.join(", ", java.util.Arrays.stream(TimeField.values()).map(TimeField::wireName).toList()) + ")");
      return null;
    }
    Automation a = new Automation(title, YamlReader.scalar(e.get("description")), active, position, time, conditions,
        actions, line);
    String missing = Nullifying.problem(a);
    if (missing != null) {
      problems.error(line, title, missing);
      return null;
    }
    return a;
  }

  private ConditionGroup<SupportField> conditions(Node node, String title, List<TimeCondition> time) {
    if (YamlReader.isNull(node)) {
      return new ConditionGroup<>(List.of(), List.of());
    }
    Map<String, Node> groups = yaml.entries(node, title, "conditions", GROUP_KEYS);
    List<Condition<SupportField>> all = new ArrayList<>();
    List<Condition<SupportField>> any = new ArrayList<>();
    ConditionParser<SupportField> parser = new ConditionParser<>(SupportVocabulary.INSTANCE, problems);
    for (String group : List.of("all", "any")) {
      for (Node item : yaml.items(groups.get(group), title, "conditions")) {
        String field = YamlReader.peek(item, "field");
        if (TimeField.fromWire(field) != null || "CLOSED".equals(field)) {
          TimeCondition t = timeCondition(item, title, group);
          if (t != null) {
            time.add(t);
          }
          continue;
        }
        Condition<SupportField> c = parser.one(item, title);
        if (c != null && allowed(c, title)) {
          (group.equals("all") ? all : any).add(c);
        }
      }
    }
    return new ConditionGroup<>(all, any);
  }

  private boolean allowed(Condition<SupportField> c, String title) {
    if (c.field().kind() == SupportField.SCHEDULE) {
      problems.error(c.line(), title, "condition field \"schedule_id\" is for triggers only (as in Zendesk's"
          + " conditions reference); an automation's business-hours operators already count in the ticket's schedule");
      return false;
    }
    if (UPDATE_ONLY.contains(c.field().kind())) {
      problems.error(c.line(), title, "condition field \"" + c.field().name() + "\" is for triggers only:"
          + " automations run on a ticket's state, not on an update");
      return false;
    }
    if (c.operator().readsPrevious()) {
      problems.error(c.line(), title, "operator \"" + c.operator().wireName() + "\" is for triggers only:"
          + " automations see no update to compare with");
      return false;
    }
    return true;
  }

  private TimeCondition timeCondition(Node node, String title, String group) {
    int line = YamlReader.line(node);
    Map<String, Node> e = yaml.entries(node, title, "condition", CONDITION_KEYS);
    String name = YamlReader.scalar(e.get("field"));
    if ("CLOSED".equals(name)) {
      problems.error(line, title, "\"CLOSED\" never holds in an automation: automations do not run on closed tickets");
      return null;
    }
    if (group.equals("any")) {
      problems.error(line, title, "time-based condition \"" + name + "\" must be under all (as in Zendesk)");
      return null;
    }
    String opName = e.containsKey("operator") ? YamlReader.scalar(e.get("operator")) : "is";
    boolean business = opName != null && opName.endsWith("_business_hours");
    String base = business ? opName.substring(0, opName.length() - "_business_hours".length()) : opName;
    TimeCondition.Op op = switch (base == null ? "" : base) {
      case "is" -> TimeCondition.Op.IS;
      case "less_than" -> TimeCondition.Op.LESS_THAN;
      case "greater_than" -> TimeCondition.Op.GREATER_THAN;
      default -> null;
    };
    if (op == null) {
      problems.error(line, title, "unknown operator \"" + opName + "\" for time-based condition \"" + name
          + "\" (allowed: is, less_than, greater_than, is_business_hours, less_than_business_hours,"
          + " greater_than_business_hours)");
      return null;
    }
    String value = YamlReader.scalar(e.get("value"));
    int hours;
    try {
      hours = Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException ex) {
      hours = -1;
    }
    if (hours < 0 || hours > MAX_HOURS) {
      problems.error(line, title, "value \"" + value + "\" of \"" + name + "\" must be a whole number of hours"
          + " from 0 to " + MAX_HOURS);
      return null;
    }
    return new TimeCondition(TimeField.fromWire(name), op, business, hours, line);
  }

  private int position(Node node, String title) {
    if (YamlReader.isNull(node)) {
      return Integer.MAX_VALUE;
    }
    try {
      return Integer.parseInt(YamlReader.scalar(node));
    } catch (NumberFormatException ex) {
      problems.error(YamlReader.line(node), title, "position must be a whole number");
      return Integer.MAX_VALUE;
    }
  }
}
