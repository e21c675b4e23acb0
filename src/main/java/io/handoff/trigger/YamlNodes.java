package io.handoff.trigger;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads rule files through SnakeYAML's node API, which keeps line numbers for
 * {@code file:line: rule "name": message} errors.
 */
public final class YamlNodes {

  private YamlNodes() {}

  /** Composes a document; a syntax error is reported and yields null. */
  public static Node compose(String text, Problems problems) {
    try {
      Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (root == null) {
        problems.error(1, null, "file is empty");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      problems.error(line, null, "YAML syntax error: " + e.getProblem());
    } catch (YAMLException e) {
      problems.error(1, null, "YAML syntax error: " + e.getMessage());
    }
    return null;
  }

  /** 1-based line of a node. */
  public static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * The entries of a mapping by key, reporting keys outside {@code allowed} (typos such as
   * "conditons" must not silently disable a rule). Returns an empty map for a non-mapping node.
   */
  public static Map<String, Node> entries(
      Node node, Set<String> allowed, Problems problems, String rule, String what) {
    Map<String, Node> map = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      problems.error(line(node), rule, what + " must be a mapping");
      return map;
    }
    for (NodeTuple t : mapping.getValue()) {
      String key = scalar(t.getKeyNode());
      if (key == null || !allowed.contains(key)) {
        problems.error(line(t.getKeyNode()), rule, "unknown key \"" + key + "\" in " + what
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      } else if (map.put(key, t.getValueNode()) != null) {
        problems.error(line(t.getKeyNode()), rule, "duplicate key \"" + key + "\" in " + what);
      }
    }
    return map;
  }

  /** The scalar value under {@code key} of a mapping node without reporting anything; null if absent. */
  public static String peek(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        if (key.equals(scalar(t.getKeyNode()))) {
          return scalar(t.getValueNode());
        }
      }
    }
    return null;
  }

  /** The text of a scalar node, or null for anything else (or an explicit YAML null). */
  public static String scalar(Node node) {
    if (node instanceof ScalarNode s && !"tag:yaml.org,2002:null".equals(s.getTag().getValue())) {
      return s.getValue();
    }
    return null;
  }

  /** True for an absent node or an explicit YAML null. */
  public static boolean isNull(Node node) {
    return node == null
        || (node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue()));
  }

  /** The items of a sequence node; a non-sequence is reported and yields an empty list. */
  public static List<Node> items(Node node, Problems problems, String rule, String what) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    if (!isNull(node)) {
      problems.error(line(node), rule, what + " must be a list");
    }
    return List.of();
  }

  /** Scalars of a list node, or a one-element list for a scalar; null entries dropped. */
  public static List<String> scalarList(Node node) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue().stream().map(YamlNodes::scalar).filter(s -> s != null).toList();
    }
    String s = scalar(node);
    return s == null ? List.of() : List.of(s);
  }
}
