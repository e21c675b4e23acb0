package io.handoff.sla.policy;

import io.handoff.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses a policy {@code filter: {all: [...], any: [...]}} into condition data. Checks only the
 * shape ({@code field}, {@code operator}, {@code value}); the rule kernel owns the vocabulary.
 * A missing operator means {@code is}, as in Zendesk's older payloads.
 */
final class FilterParser {

  private static final Set<String> CONDITION = Set.of("field", "operator", "value");

  private FilterParser() {}

  static SlaFilter filter(YamlReader r, String rule, Node node) {
    Map<String, Node> m = r.mapping(node, rule, "filter", Set.of("all", "any"));
    if (m == null) {
      return null;
    }
    List<FilterCondition> all = m.containsKey("all") ? conditions(r, rule, m.get("all"), "filter.all") : List.of();
    List<FilterCondition> any = m.containsKey("any") ? conditions(r, rule, m.get("any"), "filter.any") : List.of();
    return all == null || any == null ? null : new SlaFilter(all, any);
  }

  private static List<FilterCondition> conditions(YamlReader r, String rule, Node node, String what) {
    List<Node> items = r.sequence(node, rule, what);
    if (items == null) {
      return null;
    }
    List<FilterCondition> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      FilterCondition c = condition(r, rule, item);
      ok &= c != null;
      if (c != null) {
        out.add(c);
      }
    }
    return ok ? out : null;
  }

  private static FilterCondition condition(YamlReader r, String rule, Node node) {
    Map<String, Node> m = r.mapping(node, rule, "condition", CONDITION);
    if (m == null) {
      return null;
    }
    if (!m.containsKey("field")) {
      r.missing(node, rule, "field");
      return null;
    }
    String field = r.scalar(m.get("field"), rule, "field");
    String operator = m.containsKey("operator") ? r.scalar(m.get("operator"), rule, "operator") : "is";
    if (field == null || operator == null) {
      return null;
    }
    return new FilterCondition(field, operator, value(r, rule, m.get("value")), YamlReader.line(node));
  }

  private static Object value(YamlReader r, String rule, Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      String v = s.getValue();
      return s.getTag().getValue().endsWith(":null") || v.isEmpty() ? null : v;
    }
    if (node instanceof SequenceNode seq) {
      List<String> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        String v = r.scalar(n, rule, "value");
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    r.error(node, rule, "a condition value must be text or a list");
    return null;
  }
}
