package io.handoff.intent.rules;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Loads and validates {@code workflows/routing.yaml}, every problem with its line. */
public final class RoutingRulesLoader {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private RoutingRulesLoader() {}

  public static Loaded<RoutingRules> load(Path file) {
    return load(YamlReader.of(file));
  }

  public static Loaded<RoutingRules> load(YamlReader doc) {
    MappingNode root = doc.rootMap();
    if (root == null) {
      return new Loaded<>(null, doc.errors());
    }
    Set<String> languages = new HashSet<>(YamlReader.get(root, "languages")
        .map(n -> doc.strings(n, null, "languages")).orElse(List.of()));
    String fallback = YamlReader.get(root, "fallbackIntent").map(n -> doc.text(n, null, "fallbackIntent"))
        .orElse("other");
    List<RoutingRule> rules = new ArrayList<>();
    YamlReader.get(root, "rules").ifPresentOrElse(
        n -> doc.forEachItem(n, null, "rules", item -> readRule(doc, item, rules)),
        () -> doc.error(root, null, "missing \"rules\""));
    RoutingRules value = new RoutingRules(doc.version(), languages, fallback, rules);
    return new Loaded<>(doc.errors().isEmpty() ? value : null, doc.errors());
  }

  private static void readRule(YamlReader doc, Node item, List<RoutingRule> out) {
    MappingNode m = doc.map(item, null, "a rule");
    if (m == null) {
      return;
    }
    String name = YamlReader.get(m, "name").map(n -> doc.text(n, null, "name")).orElse(null);
    if (name == null) {
      doc.error(m, null, "rule needs a \"name\"");
      return;
    }
    if (out.stream().anyMatch(r -> r.name().equals(name))) {
      doc.error(m, name, "duplicate rule name");
    }
    String intent = YamlReader.get(m, "intent").map(n -> doc.text(n, name, "intent")).orElse(null);
    if (intent == null) {
      doc.error(m, name, "missing \"intent\"");
    }
    List<Pattern> keywords = new ArrayList<>();
    YamlReader.get(m, "keywords").ifPresent(n -> doc.strings(n, name, "keywords").forEach(k -> keywords.add(
        Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])", FLAGS))));
    List<Pattern> regexes = new ArrayList<>();
    YamlReader.get(m, "regex").ifPresent(n -> doc.forEachItem(n, name, "regex",
        r -> Optional.ofNullable(doc.text(r, name, "regex")).ifPresent(s -> compile(doc, r, name, s, regexes))));
    List<String> tags = YamlReader.get(m, "tags").map(n -> doc.strings(n, name, "tags")).orElse(List.of());
    if (keywords.isEmpty() && regexes.isEmpty() && tags.isEmpty()) {
      doc.error(m, name, "rule needs at least one of \"keywords\", \"regex\", \"tags\"");
    }
    out.add(new RoutingRule(name, intent, keywords, regexes, tags));
  }

  private static void compile(YamlReader doc, Node at, String rule, String regex, List<Pattern> out) {
    try {
      out.add(Pattern.compile(regex, FLAGS));
    } catch (PatternSyntaxException e) {
      doc.error(at, rule, "invalid regex \"" + regex + "\": " + e.getDescription());
    }
  }
}
