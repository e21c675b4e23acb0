package io.handoff.intent.taxonomy;

import io.handoff.yaml.Loaded;
import io.handoff.intent.Urgency;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Loads and validates {@code prompts/taxonomy.yaml}, reporting every problem with its line. */
public final class TaxonomyLoader {
  private static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private TaxonomyLoader() {}

  public static Loaded<Taxonomy> load(Path file) {
    return load(YamlReader.of(file));
  }

  public static Loaded<Taxonomy> load(YamlReader doc) {
    MappingNode root = doc.rootMap();
    if (root == null) {
      return new Loaded<>(null, doc.errors());
    }
    List<IntentDefinition> intents = new ArrayList<>();
    List<Exemplar> exemplars = new ArrayList<>();
    YamlReader.get(root, "intents").ifPresentOrElse(
        n -> doc.forEachItem(n, null, "intents", item -> readIntent(doc, item, intents, exemplars)),
        () -> doc.error(root, null, "missing \"intents\""));
    String fallback = YamlReader.get(root, "fallbackIntent")
        .map(n -> doc.text(n, null, "fallbackIntent")).orElse("other");
    if (!intents.isEmpty() && intents.stream().noneMatch(i -> i.name().equals(fallback))) {
      doc.error(YamlReader.get(root, "fallbackIntent").orElse(root), null,
          "fallbackIntent \"" + fallback + "\" is not one of the intents");
    }
    double threshold = YamlReader.get(root, "offline").map(n -> doc.map(n, null, "offline"))
        .flatMap(m -> YamlReader.get(m, "threshold"))
        .map(n -> doc.number(n, null, "offline.threshold", 0.0, 1.0)).orElse(0.5);
    Map<Urgency, List<String>> urgency = readUrgency(doc, root);
    Taxonomy t = new Taxonomy(doc.version(), fallback, threshold, intents, exemplars, urgency);
    return new Loaded<>(doc.errors().isEmpty() ? t : null, doc.errors());
  }

  private static void readIntent(YamlReader doc, Node item, List<IntentDefinition> intents, List<Exemplar> out) {
    MappingNode m = doc.map(item, null, "an intent");
    if (m == null) {
      return;
    }
    String name = YamlReader.get(m, "name").map(n -> doc.text(n, null, "name")).orElse(null);
    if (name == null || !INTENT_NAME.matcher(name).matches()) {
      doc.error(m, null, "intent needs a \"name\" in lower_snake_case");
      return;
    }
    Set<String> seen = new HashSet<>(intents.stream().map(IntentDefinition::name).toList());
    if (!seen.add(name)) {
      doc.error(m, name, "duplicate intent name");
    }
    String description = YamlReader.get(m, "description").map(n -> doc.text(n, name, "description")).orElse("");
    if (description.isBlank()) {
      doc.error(m, name, "missing \"description\"");
    }
    intents.add(new IntentDefinition(name, description));
    YamlReader.get(m, "exemplars").map(n -> doc.map(n, name, "exemplars")).ifPresentOrElse(
        ex -> doc.forEachEntry(ex, (lang, list) -> {
          if (!LANGUAGE.matcher(lang.getValue()).matches()) {
            doc.error(lang, name, "\"" + lang.getValue() + "\" is not an ISO 639 language code");
          }
          doc.strings(list, name, "exemplars." + lang.getValue())
              .forEach(text -> out.add(new Exemplar(text, lang.getValue(), List.of(name))));
        }),
        () -> doc.error(m, name, "missing \"exemplars\""));
  }

  private static Map<Urgency, List<String>> readUrgency(YamlReader doc, MappingNode root) {
    Map<Urgency, List<String>> out = new EnumMap<>(Urgency.class);
    YamlReader.get(root, "urgency").map(n -> doc.map(n, null, "urgency")).ifPresent(
        m -> doc.forEachEntry(m, (k, v) -> {
          Urgency u = parseUrgency(k.getValue());
          if (u == null) {
            doc.error(k, null, "unknown urgency \"" + k.getValue() + "\" (low, normal, high, urgent)");
          } else {
            out.put(u, doc.strings(v, null, "urgency." + k.getValue()));
          }
        }));
    return out;
  }

  static Urgency parseUrgency(String s) {
    try {
      return Urgency.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
