package io.handoff.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The one reader of the YAML rule and prompt files: reads a file as SnakeYAML nodes (which keep their
 * lines) and reports every problem as {@code file:line: rule "name": message} into a {@link Problems},
 * instead of throwing, so a loader reports all problems of a file at once.
 *
 * <p>Methods taking {@code rule} and {@code what} report a problem when the node has the wrong shape
 * ({@code what} names the node in the message) and return null; the static methods never report.
 */
public final class YamlReader {

  private static final String NULL_TAG = "tag:yaml.org,2002:null";

  private final Problems problems;
  private Node root;
  private String version = sha256("");

  public YamlReader(String file) {
    this(new Problems(file));
  }

  /** A reader reporting into {@code problems} (shared with the parsers that check what it read). */
  public YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** A reader over {@code text} already parsed; {@code file} is used in messages only. */
  public static YamlReader of(String file, String text) {
    YamlReader r = new YamlReader(file);
    r.parse(text);
    return r;
  }

  /** A reader over the file already read (see {@link #read(Path)}). */
  public static YamlReader of(Path file) {
    YamlReader r = new YamlReader(file.toString());
    r.read(file);
    return r;
  }

  /**
   * Reads and parses a file. A file that cannot be read is one error at line 0 (the whole file):
   * "file not found" for a missing file, so callers print {@code file:0: message}, not a stack trace.
   */
  public Node read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.error(0, null, e instanceof NoSuchFileException ? "file not found"
          : "cannot read the file: " + e.getMessage());
      return null;
    }
    return parse(text);
  }

  /** Parses the text; returns the root node, or null (with an error) when the YAML is malformed or empty. */
  public Node parse(String text) {
    version = sha256(text);
    root = null;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (root == null) {
        problems.error(1, null, "file is empty");
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      problems.error(line, null, "YAML syntax error: " + e.getProblem());
    } catch (RuntimeException e) {
      problems.error(1, null, "YAML syntax error: " + firstLine(e.getMessage()));
    }
    return root;
  }

  /** The root node of the last text parsed; null when it was malformed or empty. */
  public Node root() {
    return root;
  }

  /** The root as a mapping; null when there is none (reported, unless parsing already failed). */
  public MappingNode rootMap() {
    if (root == null) {
      return null;
    }
    if (root instanceof MappingNode m) {
      return m;
    }
    error(root, null, "expected a mapping at the top level");
    return null;
  }

  /** First 12 hex digits of the SHA-256 of the last text parsed, recorded as the rule-set version. */
  public String version() {
    return version.substring(0, 12);
  }

  // ---- shapes, reported ----

  /** The node as a mapping, or null (with an error) when it is not one. */
  public MappingNode map(Node node, String rule, String what) {
    if (node instanceof MappingNode m) {
      return m;
    }
    error(node, rule, what + " must be a mapping");
    return null;
  }

  /**
   * The entries of a mapping node, keyed by scalar key. Reports a non-mapping, non-text keys, duplicate
   * keys and keys outside {@code allowed} (a typo such as "conditons" must not silently disable a rule;
   * an empty {@code allowed} accepts any key). Returns null when the node is not a mapping.
   */
  public Map<String, Node> mapping(Node node, String rule, String what, Set<String> allowed) {
    MappingNode m = map(node, rule, what);
    if (m == null) {
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode());
      if (key == null) {
        error(t.getKeyNode(), rule, "keys of " + what + " must be plain text");
      } else if (!allowed.isEmpty() && !allowed.contains(key)) {
        error(t.getKeyNode(), rule, "unknown key \"" + key + "\" in " + what
            + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      } else if (out.containsKey(key)) {
        error(t.getKeyNode(), rule, "duplicate key \"" + key + "\" in " + what);
      } else {
        out.put(key, t.getValueNode());
      }
    }
    return out;
  }

  /** Like {@link #mapping} but an empty map (the problem reported) when the node is not a mapping. */
  public Map<String, Node> entries(Node node, String rule, String what, Set<String> allowed) {
    Map<String, Node> m = mapping(node, rule, what, allowed);
    return m == null ? new LinkedHashMap<>() : m;
  }

  /** Visits each text key and its value in file order; a key that is not text is reported and skipped. */
  public void forEachEntry(MappingNode map, BiConsumer<ScalarNode, Node> visitor) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && !NULL_TAG.equals(k.getTag().getValue())) {
        visitor.accept(k, t.getValueNode());
      } else {
        error(t.getKeyNode(), null, "expected a plain key");
      }
    }
  }

  /** The items of a sequence node, or null (with an error) when the node is not a sequence. */
  public List<Node> sequence(Node node, String rule, String what) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    error(node, rule, what + " must be a list");
    return null;
  }

  /** Visits the items of a list; a node that is not a list is reported. */
  public void forEachItem(Node node, String rule, String what, Consumer<Node> visitor) {
    List<Node> items = sequence(node, rule, what);
    if (items != null) {
      items.forEach(visitor);
    }
  }

  /** The items of an optional list: empty for an absent or null node, empty (reported) for a non-list. */
  public List<Node> items(Node node, String rule, String what) {
    if (isNull(node)) {
      return List.of();
    }
    List<Node> items = sequence(node, rule, what);
    return items == null ? List.of() : items;
  }

  /** The text of a scalar node, trimmed, or null (with an error) when it is not a non-empty scalar. */
  public String scalar(Node node, String rule, String what) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue().trim();
    }
    error(node, rule, what + " must be a non-empty value");
    return null;
  }

  /** The text of a scalar node as written (possibly empty), or null (with an error) for a list or mapping. */
  public String text(Node node, String rule, String what) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    error(node, rule, what + " must be a single value");
    return null;
  }

  /** A list of single values; a non-list and items that are not single values are reported and skipped. */
  public List<String> strings(Node node, String rule, String what) {
    List<String> out = new ArrayList<>();
    List<Node> items = sequence(node, rule, what);
    for (Node item : items == null ? List.<Node>of() : items) {
      String s = text(item, rule, what + " item");
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** A number within {@code [min, max]}, or null (with an error). */
  public Double number(Node node, String rule, String what, double min, double max) {
    String s = text(node, rule, what);
    if (s == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(node, rule, what + " must be a number between " + min + " and " + max + ", got \"" + s + "\"");
    return null;
  }

  /** Reports a missing required key at the mapping's line. */
  public void missing(Node mapping, String rule, String key) {
    error(mapping, rule, "missing required key \"" + key + "\"");
  }

  // ---- problems ----

  public void error(Node node, String rule, String message) {
    problems.error(line(node), rule, message);
  }

  public void warning(Node node, String rule, String message) {
    problems.warning(line(node), rule, message);
  }

  public Problems problems() {
    return problems;
  }

  public String file() {
    return problems.file();
  }

  /** Every error and warning reported so far, in the order found. */
  public List<RuleFileError> errors() {
    return problems.all();
  }

  /** True when any error (not warning) was reported. */
  public boolean hasErrors() {
    return problems.hasErrors();
  }

  /** Wraps the value with every problem found; the value is dropped when there were errors. */
  public <T> Loaded<T> result(T value) {
    return new Loaded<>(hasErrors() ? null : value, problems.all());
  }

  // ---- static, never reporting ----

  /** One-based line of a node; 1 for a missing node. */
  public static int line(Node node) {
    return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  /** The text of a scalar node, or null for anything else (or an explicit YAML null). */
  public static String scalar(Node node) {
    if (node instanceof ScalarNode s && !NULL_TAG.equals(s.getTag().getValue())) {
      return s.getValue();
    }
    return null;
  }

  /** True for an absent node or an explicit YAML null. */
  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && NULL_TAG.equals(s.getTag().getValue()));
  }

  /** Scalars of a list node, or a one-element list for a scalar; null entries dropped. */
  public static List<String> scalarList(Node node) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue().stream().map(YamlReader::scalar).filter(s -> s != null).toList();
    }
    String s = scalar(node);
    return s == null ? List.of() : List.of(s);
  }

  /** The value under a text key of a mapping (the first, when the key is repeated). */
  public static Optional<Node> get(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  /** The scalar value under {@code key} of a mapping node; null when absent or not a mapping. */
  public static String peek(Node node, String key) {
    return node instanceof MappingNode m ? get(m, key).map(YamlReader::scalar).orElse(null) : null;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static String sha256(String content) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
