package io.handoff.sla.yaml;

import io.handoff.rules.RuleFileError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML file as SnakeYAML nodes so that every problem can be reported as {@code file:line:}.
 * Collects errors instead of throwing, so a loader reports all problems of a file at once.
 */
public final class YamlReader {

  private final String file;
  private final List<RuleFileError> errors = new ArrayList<>();

  public YamlReader(String file) {
    this.file = file;
  }

  /** Parses the text; returns the root node, or null (with an error) when the YAML is malformed or empty. */
  public Node parse(String text) {
    try {
      Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
      if (root == null) {
        errors.add(RuleFileError.error(file, 1, null, "file is empty"));
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      errors.add(RuleFileError.error(file, line, null, "malformed YAML: " + e.getProblem()));
      return null;
    } catch (RuntimeException e) {
      errors.add(RuleFileError.error(file, 1, null, "malformed YAML: " + e.getMessage()));
      return null;
    }
  }

  /** One-based line of a node. */
  public static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * The entries of a mapping node, keyed by scalar key. Reports a non-mapping, duplicate keys and
   * keys outside {@code allowed} (when non-empty). Returns null when the node is not a mapping.
   */
  public Map<String, Node> mapping(Node node, String rule, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode m)) {
      error(node, rule, what + " must be a mapping");
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        error(t.getKeyNode(), rule, what + ": keys must be plain text");
        continue;
      }
      String key = k.getValue();
      if (!allowed.isEmpty() && !allowed.contains(key)) {
        error(k, rule, what + ": unknown key \"" + key + "\" (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      } else if (out.containsKey(key)) {
        error(k, rule, what + ": duplicate key \"" + key + "\"");
      } else {
        out.put(key, t.getValueNode());
      }
    }
    return out;
  }

  /** The items of a sequence node, or null (with an error) when the node is not a sequence. */
  public List<Node> sequence(Node node, String rule, String what) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    error(node, rule, what + " must be a list");
    return null;
  }

  /** The text of a scalar node, or null (with an error) when it is not a non-empty scalar. */
  public String scalar(Node node, String rule, String what) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue().trim();
    }
    error(node, rule, what + " must be a non-empty value");
    return null;
  }

  /** Reports a missing required key at the mapping's line. */
  public void missing(Node mapping, String rule, String key) {
    error(mapping, rule, "missing required key \"" + key + "\"");
  }

  public void error(Node node, String rule, String message) {
    errors.add(RuleFileError.error(file, node == null ? 1 : line(node), rule, message));
  }

  public void warning(Node node, String rule, String message) {
    errors.add(RuleFileError.warning(file, node == null ? 1 : line(node), rule, message));
  }

  public String file() {
    return file;
  }

  /** True when any error (not warning) was reported. */
  public boolean hasErrors() {
    return errors.stream().anyMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
  }

  /** Wraps the value with every problem found; the value is dropped when there were errors. */
  public <T> Loaded<T> result(T value) {
    return new Loaded<>(hasErrors() ? null : value, errors);
  }
}
