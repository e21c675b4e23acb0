package io.handoff.trigger;

import io.handoff.yaml.Problems;
import io.handoff.yaml.YamlReader;
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
  private final YamlReader yaml;

  public ConditionParser(Vocabulary<F> vocabulary, Problems problems) {
    this.vocabulary = vocabulary;
    this.problems = problems;
    this.yaml = new YamlReader(problems);
  }

  /** Parses the block; an absent block means "always matches". Invalid conditions are dropped. */
  public ConditionGroup<F> parse(Node node, String rule) {
    if (YamlReader.isNull(node)) {
      return new ConditionGroup<>(List.of(), List.of());
    }
    Map<String, Node> groups = yaml.entries(node, rule, "conditions", GROUP_KEYS);
    return new ConditionGroup<>(list(groups.get("all"), rule), list(groups.get("any"), rule));
  }

  private List<Condition<F>> list(Node node, String rule) {
    List<Condition<F>> out = new ArrayList<>();
    for (Node item : yaml.items(node, rule, "conditions")) {
      Condition<F> c = one(item, rule);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Parses one {@code {field, operator, value}} condition; null (reported) when invalid. */
  public Condition<F> one(Node node, String rule) {
    Map<String, Node> e = yaml.entries(node, rule, "condition", CONDITION_KEYS);
    String opName = e.containsKey("operator") ? YamlReader.scalar(e.get("operator")) : "is";
    return one(YamlReader.scalar(e.get("field")), opName, value(e.get("value")), YamlReader.line(node), rule);
  }

  /**
   * Checks one condition given as data (as SLA policy filters keep them), with the same rules and
   * messages as a condition read from YAML; null (reported at {@code line}) when invalid.
   *
   * @param value null (no value), a String, or a List of Strings
   */
  public Condition<F> one(String name, String opName, Object value, int line, String rule) {
    if (name == null) {
      problems.error(line, rule, "condition has no field");
      return null;
    }
    FieldRef<F> field = vocabulary.field(name);
    if (field == null) {
      problems.error(line, rule, "unknown condition field \"" + name + "\"");
      return null;
    }
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
    Object parsed = new ValueParser(problems, rule, line).parse(field, op, value);
    if (parsed == ValueParser.INVALID) {
      return null;
    }
    return vocabulary.normalise(new Condition<>(field, op, parsed, raw(value), line));
  }

  /** A YAML value as data: null, the text of a scalar, or the scalars of a list (none for a mapping). */
  private static Object value(Node node) {
    if (YamlReader.isNull(node)) {
      return null;
    }
    String text = YamlReader.scalar(node);
    return text != null ? text : YamlReader.scalarList(node);
  }

  private static String raw(Object value) {
    if (value instanceof List<?> parts) {
      return parts.size() == 1 ? String.valueOf(parts.get(0))
          : String.join(", ", parts.stream().map(String::valueOf).toList());
    }
    return value == null ? "" : value.toString();
  }
}
