package io.handoff.support;

import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.trigger.Problems;
import io.handoff.trigger.YamlNodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses {@code support-triggers.yaml}: {@code categories} (names, in firing order), {@code webhooks}
 * ({@code id}, {@code name}, {@code endpoint}) and {@code triggers} in Zendesk's shape ({@code title},
 * {@code description}, {@code active}, {@code category}, {@code position}, {@code conditions},
 * {@code actions}). Reports every problem it finds; invalid triggers are left out.
 */
public final class SupportTriggerParser {

  private static final Set<String> TOP_KEYS = Set.of("categories", "webhooks", "triggers");
  private static final Set<String> TRIGGER_KEYS =
      Set.of("title", "description", "active", "category", "position", "conditions", "actions");
  private static final Set<String> WEBHOOK_KEYS = Set.of("id", "name", "endpoint");

  private final Problems problems;

  public SupportTriggerParser(Problems problems) {
    this.problems = problems;
  }

  /** Parses the file text; the version is the rule-set hash computed by the caller. */
  public SupportTriggerSet parse(String text, String version) {
    Node root = YamlNodes.compose(text, problems);
    if (root == null) {
      return SupportTriggerSet.empty(version);
    }
    Map<String, Node> top = YamlNodes.entries(root, TOP_KEYS, problems, null, "support-triggers file");
    List<String> categories = YamlNodes.scalarList(top.get("categories"));
    Map<String, Webhook> webhooks = webhooks(top.get("webhooks"));
    List<SupportTrigger> triggers = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Node item : YamlNodes.items(top.get("triggers"), problems, null, "triggers")) {
      SupportTrigger t = trigger(item, categories, webhooks);
      if (t != null && !titles.add(t.title())) {
        problems.error(t.line(), t.title(), "duplicate trigger title");
      } else if (t != null) {
        triggers.add(t);
      }
    }
    return new SupportTriggerSet(triggers, categories, webhooks, version);
  }

  private Map<String, Webhook> webhooks(Node node) {
    Map<String, Webhook> out = new LinkedHashMap<>();
    for (Node item : YamlNodes.items(node, problems, null, "webhooks")) {
      Map<String, Node> e = YamlNodes.entries(item, WEBHOOK_KEYS, problems, null, "webhook");
      String id = YamlNodes.scalar(e.get("id"));
      String endpoint = YamlNodes.scalar(e.get("endpoint"));
      if (id == null || endpoint == null || !endpoint.matches("https?://.+")) {
        problems.error(YamlNodes.line(item), null, "webhook needs an id and an http(s) endpoint");
        continue;
      }
      out.put(id, new Webhook(id, YamlNodes.scalar(e.get("name")), endpoint));
    }
    return out;
  }

  private SupportTrigger trigger(Node node, List<String> categories, Map<String, Webhook> webhooks) {
    int line = YamlNodes.line(node);
    int before = problems.all().size();
    Map<String, Node> e = YamlNodes.entries(node, TRIGGER_KEYS, problems, YamlNodes.peek(node, "title"), "trigger");
    String title = YamlNodes.scalar(e.get("title"));
    if (title == null || title.isBlank()) {
      problems.error(line, null, "trigger has no title");
      return null;
    }
    String category = YamlNodes.scalar(e.get("category"));
    if (category != null && !categories.contains(category)) {
      problems.error(line, title, "unknown category \"" + category + "\" (declare it under categories)");
    }
    boolean active = !"false".equalsIgnoreCase(YamlNodes.scalar(e.get("active")));
    int position = integer(e.get("position"), title, Integer.MAX_VALUE);
    ConditionGroup<SupportField> conditions =
        new ConditionParser<>(SupportVocabulary.INSTANCE, problems).parse(e.get("conditions"), title);
    List<SupportAction> actions = new SupportActionParser(problems, title, webhooks).parse(e.get("actions"));
    if (YamlNodes.isNull(e.get("actions"))
        || (e.get("actions") instanceof org.yaml.snakeyaml.nodes.SequenceNode seq && seq.getValue().isEmpty())) {
      problems.error(line, title, "trigger has no actions");
    }
    boolean failed = problems.all().subList(before, problems.all().size()).stream()
        .anyMatch(p -> p.severity() == io.handoff.rules.RuleFileError.Severity.ERROR);
    return failed ? null : new SupportTrigger(title, YamlNodes.scalar(e.get("description")), active,
        category, position, conditions, actions, line);
  }

  private int integer(Node node, String title, int absent) {
    if (YamlNodes.isNull(node)) {
      return absent;
    }
    try {
      return Integer.parseInt(YamlNodes.scalar(node));
    } catch (NumberFormatException e) {
      problems.error(YamlNodes.line(node), title, "position must be a whole number");
      return absent;
    }
  }
}
