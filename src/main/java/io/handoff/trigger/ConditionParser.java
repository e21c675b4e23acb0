package io.handoff.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses a rule's {@code conditions: {all: [...], any: [...]}} block against an engine's vocabulary.
 * Each condition is {@code {field, operator, value}} as in Zendesk's trigger JSON; a missing operator
 * means {@code is}, as in older Zendesk payloads.
 */
public final class ConditionParser<F> {

  private static final Set<String> GROUP_KEYS = Set.of("all", "any");
  private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value");

  private final Vocabulary<F> vocabulary;
  private final Problems problems;

  public ConditionParser(Vocabulary<F> vocabulary, Problems problems) {
    this.vocabulary = vocabulary;
    this.problems = problems;
  }

  /** Parses the block; an absent block means "always matches". Invalid conditions are dropped. */
  public ConditionGroup<F> parse(Node node, String rule) {
    if (YamlNodes.isNull(node)) {
      return new ConditionGroup<>(List.of(), List.of());
    }
    Map<String, Node> groups = YamlNodes.entries(node, GROUP_KEYS, problems, rule, "conditions");
    return new ConditionGroup<>(list(groups.get("all"), rule), list(groups.get("any"), rule));
  }

  private List<Condition<F>> list(Node node, String rule) {
    List<Condition<F>> out = new ArrayList<>();
    for (Node item : YamlNodes.items(node, problems, rule, "conditions")) {
      Condition<F> c = one(item, rule);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Parses one {@code {field, operator, value}} condition; null (reported) when invalid. */
  public Condition<F> one(Node node, String rule) {
    int line = YamlNodes.line(node);
    Map<String, Node> e = YamlNodes.entries(node, CONDITION_KEYS, problems, rule, "condition");
    String name = YamlNodes.scalar(e.get("field"));
    if (name == null) {
      problems.error(line, rule, "condition has no field");
      return null;
    }
    FieldRef<F> field = vocabulary.field(name);
    if (field == null) {
      problems.error(line, rule, "unknown condition field \"" + name + "\"");
      return null;
    }
    String opName = e.containsKey("operator") ? YamlNodes.scalar(e.get("operator")) : "is";
    Operator op = Operator.fromWire(opName);
    if (op == null) {
      problems.error(line, rule, "unknown operator \"" + opName + "\"");
      return null;
    }
    if (!field.operators().contains(op)) {
      problems.error(line, rule, "operator \"" + op.wireName() + "\" does not apply to \"" + name
          + "\" (allowed: " + String.join(", ", field.operators().stream().sorted()
              .map(Operator::wireName).toList()) + ")");
      return null;
    }
    Object value = new ValueParser(problems, rule, line).parse(field, op, e.get("value"));
    if (value == ValueParser.INVALID) {
      return null;
    }
    return vocabulary.normalise(new Condition<>(field, op, value, raw(e.get("value")), line));
  }

  private static String raw(Node node) {
    List<String> parts = YamlNodes.scalarList(node);
    return parts.size() == 1 ? parts.get(0) : String.join(", ", parts);
  }
}
