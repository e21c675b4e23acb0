package io.handoff.support;

import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.yaml.Problems;
import io.handoff.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses {@code support-triggers.yaml}: {@code categories} (names, in firing order), {@code webhooks}
 * ({@code id}, {@code name}, {@code endpoint}, optional {@code method} and {@code format}) and {@code triggers} in Zendesk's shape ({@code title},
 * {@code description}, {@code active}, {@code category}, {@code position}, {@code conditions},
 * {@code actions}). Reports every problem it finds; invalid triggers are left out.
 */
public final class SupportTriggerParser {

  private static final Set<String> TOP_KEYS = Set.of("categories", "webhooks", "triggers");
  private static final Set<String> TRIGGER_KEYS =
      Set.of("title", "description", "active", "category", "position", "conditions", "actions");
  private static final Set<String> WEBHOOK_KEYS = Set.of("id", "name", "endpoint", "method", "format");

  private final Problems problems;
  private final YamlReader yaml;

  public SupportTriggerParser(Problems problems) {
    this.problems = problems;
    this.yaml = new YamlReader(problems);
  }

  /** Parses the file text; the version is the rule-set hash computed by the caller. */
  public SupportTriggerSet parse(String text, String version) {
    Node root = yaml.parse(text);
    if (root == null) {
      return SupportTriggerSet.empty(version);
    }
    Map<String, Node> top = yaml.entries(root, null, "support-triggers file", TOP_KEYS);
    List<String> categories = YamlReader.scalarList(top.get("categories"));
    Map<String, Webhook> webhooks = webhooks(top.get("webhooks"));
    List<SupportTrigger> triggers = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Node item : yaml.items(top.get("triggers"), null, "triggers")) {
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
    for (Node item : yaml.items(node, null, "webhooks")) {
      Map<String, Node> e = yaml.entries(item, null, "webhook", WEBHOOK_KEYS);
      String id = YamlReader.scalar(e.get("id"));
      String endpoint = YamlReader.scalar(e.get("endpoint"));
      if (id == null || endpoint == null || !endpoint.matches("https?://.+")) {
        problems.error(YamlReader.line(item), null, "webhook needs an id and an http(s) endpoint");
        continue;
      }
      String method = choice(e.get("method"), id, "method", Webhook.METHODS);
      String format = choice(e.get("format"), id, "format", Webhook.FORMATS);
      if (method == null || format == null) {
        continue;
      }
      out.put(id, new Webhook(id, YamlReader.scalar(e.get("name")), endpoint, method, format));
    }
    return out;
  }

  /** The value of an optional webhook key, the default (POST, json) when absent; null (reported) when not allowed. */
  private String choice(Node node, String webhook, String key, java.util.List<String> allowed) {
    if (node == null) {
      return key.equals("method") ? "POST" : "json";
    }
    String value = YamlReader.scalar(node);
    if (value == null || !allowed.contains(value)) {
      problems.error(YamlReader.line(node), null, "webhook \"" + webhook + "\": " + key + " must be one of "
          + String.join(", ", allowed) + ", not \"" + value + "\"");
      return null;
    }
    return value;
  }

  private SupportTrigger trigger(Node node, List<String> categories, Map<String, Webhook> webhooks) {
    int line = YamlReader.line(node);
    int before = problems.all().size();
    Map<String, Node> e = yaml.entries(node, YamlReader.peek(node, "title"), "trigger", TRIGGER_KEYS);
    String title = YamlReader.scalar(e.get("title"));
    if (title == null || title.isBlank()) {
      problems.error(line, null, "trigger has no title");
      return null;
    }
    String category = YamlReader.scalar(e.get("category"));
    if (category != null && !categories.contains(category)) {
      problems.error(line, title, "unknown category \"" + category + "\" (declare it under categories)");
    }
    boolean active = !"false".equalsIgnoreCase(YamlReader.scalar(e.get("active")));
    int position = integer(e.get("position"), title, Integer.MAX_VALUE);
    ConditionGroup<SupportField> conditions =
        new ConditionParser<>(SupportVocabulary.INSTANCE, problems).parse(e.get("conditions"), title);
    List<SupportAction> actions = new SupportActionParser(problems, title, webhooks).parse(e.get("actions"));
    if (YamlReader.isNull(e.get("actions"))
        || (e.get("actions") instanceof org.yaml.snakeyaml.nodes.SequenceNode seq && seq.getValue().isEmpty())) {
      problems.error(line, title, "trigger has no actions");
    }
    boolean failed = problems.all().subList(before, problems.all().size()).stream()
        .anyMatch(p -> p.severity() == io.handoff.yaml.RuleFileError.Severity.ERROR);
    return failed ? null : new SupportTrigger(title, YamlReader.scalar(e.get("description")), active,
        category, position, conditions, actions, line);
  }

  private int integer(Node node, String title, int absent) {
    if (YamlReader.isNull(node)) {
      return absent;
    }
    try {
      return Integer.parseInt(YamlReader.scalar(node));
    } catch (NumberFormatException e) {
      problems.error(YamlReader.line(node), title, "position must be a whole number");
      return absent;
    }
  }
}
