package io.handoff.intent;

import io.handoff.rules.RuleFileError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read through SnakeYAML's node API so that every problem can name its line. Collects
 * errors instead of throwing, so a loader reports all of them at once.
 */
public final class YamlDoc {
  private final String file;
  private final String sha256;
  private final Node root;
  private final List<RuleFileError> errors = new ArrayList<>();

  private YamlDoc(String file, String content) {
    this.file = file;
    this.sha256 = sha256(content);
    Node parsed = null;
    try {
      parsed = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(content));
    } catch (RuntimeException e) {
      int line = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
          ? m.getProblemMark().getLine() + 1 : 1;
      errors.add(RuleFileError.error(file, line, null, "invalid YAML: " + firstLine(e.getMessage())));
    }
    this.root = parsed;
    if (parsed == null && errors.isEmpty()) {
      errors.add(RuleFileError.error(file, 1, null, "file is empty"));
    }
  }

  /** Reads a file; a missing or unreadable file becomes an error at line 0 (the whole file). */
  public static YamlDoc read(Path path) {
    try {
      return new YamlDoc(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      YamlDoc doc = new YamlDoc(path.toString(), "");
      doc.errors.clear();
      doc.errors.add(RuleFileError.error(path.toString(), 0, null, e instanceof java.nio.file.NoSuchFileException
          ? "file not found" : "cannot read the file: " + e.getMessage()));
      return doc;
    }
  }

  public static YamlDoc parse(String file, String content) {
    return new YamlDoc(file, content);
  }

  public Optional<MappingNode> rootMap() {
    if (root == null) {
      return Optional.empty();
    }
    if (root instanceof MappingNode m) {
      return Optional.of(m);
    }
    error(root, null, "expected a mapping at the top level");
    return Optional.empty();
  }

  public String file() {
    return file;
  }

  /** First 12 hex digits of the file's SHA-256, recorded as the rule-set version. */
  public String version() {
    return sha256.substring(0, 12);
  }

  public List<RuleFileError> errors() {
    return List.copyOf(errors);
  }

  public void error(Node at, String rule, String message) {
    errors.add(RuleFileError.error(file, line(at), rule, message));
  }

  public static int line(Node n) {
    return n == null || n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
  }

  public static Optional<Node> get(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  /** Visits each key/value pair; keys that are not scalars are reported. */
  public void forEachEntry(MappingNode map, java.util.function.BiConsumer<ScalarNode, Node> visitor) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        visitor.accept(k, t.getValueNode());
      } else {
        error(t.getKeyNode(), null, "expected a plain key");
      }
    }
  }

  public Optional<MappingNode> map(Node n, String rule, String what) {
    if (n instanceof MappingNode m) {
      return Optional.of(m);
    }
    error(n, rule, what + " must be a mapping");
    return Optional.empty();
  }

  public void forEachItem(Node n, String rule, String what, Consumer<Node> visitor) {
    if (n instanceof SequenceNode s) {
      s.getValue().forEach(visitor);
    } else {
      error(n, rule, what + " must be a list");
    }
  }

  public Optional<String> scalar(Node n, String rule, String what) {
    if (n instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    error(n, rule, what + " must be a single value");
    return Optional.empty();
  }

  /** A list of plain values; bad items are reported and skipped. */
  public List<String> strings(Node n, String rule, String what) {
    List<String> out = new ArrayList<>();
    forEachItem(n, rule, what, item -> scalar(item, rule, what + " item").ifPresent(out::add));
    return out;
  }

  public Optional<Double> number(Node n, String rule, String what, double min, double max) {
    Optional<String> s = scalar(n, rule, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(s.get());
      if (d >= min && d <= max) {
        return Optional.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(n, rule, what + " must be a number between " + min + " and " + max + ", got \"" + s.get() + "\"");
    return Optional.empty();
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
