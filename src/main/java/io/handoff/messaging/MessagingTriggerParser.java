package io.handoff.messaging;

import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.trigger.Placeholders;
import io.handoff.yaml.Problems;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses {@code messaging-triggers.yaml}: an optional {@code time_zone} (default UTC) and
 * {@code triggers}, each with {@code title}, {@code description}, {@code active}, {@code run_trigger}
 * (the event), {@code run_once_per_conversation}, {@code conditions} and {@code actions}.
 */
public final class MessagingTriggerParser {

  private static final Set<String> TOP_KEYS = Set.of("time_zone", "triggers");
  private static final Set<String> TRIGGER_KEYS = Set.of("title", "description", "active", "run_trigger",
      "run_once_per_conversation", "conditions", "actions");
  private static final Set<String> ACTION_KEYS = Set.of("field", "value");
  /** Longest wait accepted: a day; longer pauses belong to journey timers, not triggers. */
  private static final long MAX_WAIT_SECONDS = 86_400;

  private final Problems problems;
  private final YamlReader yaml;

  public MessagingTriggerParser(Problems problems) {
    this.problems = problems;
    this.yaml = new YamlReader(problems);
  }

  public MessagingTriggerSet parse(String text, String version) {
    Node root = yaml.parse(text);
    if (root == null) {
      return MessagingTriggerSet.empty(version);
    }
    Map<String, Node> top = yaml.entries(root, null, "messaging-triggers file", TOP_KEYS);
    ZoneId zone = zone(top.get("time_zone"));
    List<MessagingTrigger> triggers = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Node item : yaml.items(top.get("triggers"), null, "triggers")) {
      MessagingTrigger t = trigger(item);
      if (t != null && !titles.add(t.title())) {
        problems.error(t.line(), t.title(), "duplicate trigger title");
      } else if (t != null) {
        triggers.add(t);
      }
    }
    return new MessagingTriggerSet(triggers, zone, version);
  }

  private ZoneId zone(Node node) {
    String name = YamlReader.scalar(node);
    if (name == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      problems.error(YamlReader.line(node), null, "unknown time zone \"" + name + "\"");
      return ZoneOffset.UTC;
    }
  }

  private MessagingTrigger trigger(Node node) {
    int line = YamlReader.line(node);
    int before = problems.all().size();
    Map<String, Node> e = yaml.entries(node, YamlReader.peek(node, "title"), "trigger", TRIGGER_KEYS);
    String title = YamlReader.scalar(e.get("title"));
    if (title == null || title.isBlank()) {
      problems.error(line, null, "trigger has no title");
      return null;
    }
    String eventName = YamlReader.scalar(e.get("run_trigger"));
    MessagingEvent event = MessagingEvent.fromWire(eventName);
    if (event == null) {
      problems.error(line, title, "unknown or missing run_trigger \"" + eventName + "\" (allowed: "
          + String.join(", ", java.util.Arrays.stream(MessagingEvent.values()).map(MessagingEvent::wireName).toList()) + ")");
    }
    ConditionGroup<MessagingField> conditions =
        new ConditionParser<>(MessagingVocabulary.INSTANCE, problems).parse(e.get("conditions"), title);
    List<MessagingAction> actions = actions(e.get("actions"), title, line);
    boolean failed = problems.all().subList(before, problems.all().size()).stream()
        .anyMatch(p -> p.severity() == RuleFileError.Severity.ERROR);
    return failed ? null : new MessagingTrigger(title, YamlReader.scalar(e.get("description")),
        !"false".equalsIgnoreCase(YamlReader.scalar(e.get("active"))), event,
        "true".equalsIgnoreCase(YamlReader.scalar(e.get("run_once_per_conversation"))), conditions, actions, line);
  }

  private List<MessagingAction> actions(Node node, String title, int line) {
    List<MessagingAction> out = new ArrayList<>();
    List<Node> items = yaml.items(node, title, "actions");
    if (items.isEmpty()) {
      problems.error(line, title, "trigger has no actions");
    }
    for (Node item : items) {
      MessagingAction a = action(item, title);
      if (a != null) {
        out.add(a);
      }
    }
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).type() == MessagingActionType.SUSPEND_USER) {
        problems.error(out.get(i).line(), title, "suspend_user must be the last action");
      }
    }
    return out;
  }

  private MessagingAction action(Node node, String title) {
    int line = YamlReader.line(node);
    Map<String, Node> e = yaml.entries(node, title, "action", ACTION_KEYS);
    String field = YamlReader.scalar(e.get("field"));
    MessagingActionType type = MessagingActionType.fromWire(field);
    if (type == null) {
      problems.error(line, title, "unknown action \"" + field + "\"");
      return null;
    }
    String value = YamlReader.scalar(e.get("value"));
    return switch (type) {
      case SEND_MESSAGE -> text(type, value, line, title, true);
      case REQUEST_EMAIL -> text(type, value, line, title, false);
      case WAIT -> waitAction(value, line, title);
      case SET_TRIGGERED -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
          ? new MessagingAction(type, null, 0, null, Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)), line)
          : fail(line, title, "set_triggered needs true or false");
      case ADD_TAGS, REMOVE_TAGS -> tags(type, e.get("value"), line, title);
      case SUSPEND_USER -> new MessagingAction(type, null, 0, null, false, line);
    };
  }

  private MessagingAction text(MessagingActionType type, String value, int line, String title, boolean required) {
    if (required && (value == null || value.isBlank())) {
      return fail(line, title, type.wireName() + " needs a message text");
    }
    for (io.handoff.trigger.Liquid.Problem p : Placeholders.liquidProblems(value)) {
      return fail(line, title, p.message());
    }
    for (String name : Placeholders.unknownInRules(value, MessagingVocabulary.PLACEHOLDERS)) {
      return fail(line, title, "unknown placeholder {{" + name + "}}");
    }
    return new MessagingAction(type, value, 0, null, false, line);
  }

  private MessagingAction waitAction(String value, int line, String title) {
    try {
      long seconds = Long.parseLong(value == null ? "" : value.trim());
      if (seconds >= 1 && seconds <= MAX_WAIT_SECONDS) {
        return new MessagingAction(MessagingActionType.WAIT, null, seconds, null, false, line);
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    return fail(line, title, "wait needs whole seconds from 1 to " + MAX_WAIT_SECONDS + ", got \"" + value + "\"");
  }

  private MessagingAction tags(MessagingActionType type, Node value, int line, String title) {
    List<String> tags = new ArrayList<>();
    for (String s : YamlReader.scalarList(value)) {
      for (String t : s.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!t.isEmpty()) {
          tags.add(t);
        }
      }
    }
    return tags.isEmpty() ? fail(line, title, type.wireName() + " needs at least one tag")
        : new MessagingAction(type, null, 0, tags, false, line);
  }

  private MessagingAction fail(int line, String title, String message) {
    problems.error(line, title, message);
    return null;
  }
}
