package io.handoff.trigger;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code workflows/dynamic-content.yaml} (format in {@code docs/rules.md}): every problem as
 * {@code file:line: message}. A missing file means no dynamic content.
 */
public final class DynamicContentLoader {

  public static final String FILE = "dynamic-content.yaml";
  /** ISO 639-1 language codes. */
  static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> TOP = Set.of("default_language", "items");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

  private DynamicContentLoader() {}

  public static Loaded<DynamicContent> load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Loaded<>(DynamicContent.NONE, List.of());
    }
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Loaded<DynamicContent> parse(String fileName, String text) {
    YamlReader r = new YamlReader(fileName);
    Node root = r.parse(text);
    Map<String, Node> top = root == null ? null : r.mapping(root, null, "dynamic content file", TOP);
    if (top == null) {
      return r.result(null);
    }
    String fileDefault = null;
    if (top.containsKey("default_language")) {
      fileDefault = language(r, top.get("default_language"), null, "default_language");
    }
    if (!top.containsKey("items")) {
      r.missing(root, null, "items");
      return r.result(null);
    }
    Map<String, Node> itemNodes = r.mapping(top.get("items"), null, "items", Set.of());
    Map<String, DynamicContent.Item> items = new LinkedHashMap<>();
    if (itemNodes != null) {
      for (Map.Entry<String, Node> e : itemNodes.entrySet()) {
        DynamicContent.Item item = item(r, e.getKey(), e.getValue(), fileDefault);
        if (item != null) {
          items.put(item.name(), item);
        }
      }
    }
    return r.result(new DynamicContent(items));
  }

  private static DynamicContent.Item item(YamlReader r, String name, Node node, String fileDefault) {
    String rule = "dc." + name;
    if (!NAME.matcher(name).matches()) {
      r.error(node, rule, "item names are lower-case letters, digits and _ (used as {{dc." + name + "}})");
    }
    Map<String, Node> m = r.mapping(node, rule, "item", Set.of());
    if (m == null) {
      return null;
    }
    Map<String, String> variants = new LinkedHashMap<>();
    String fallback = fileDefault;
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (e.getKey().equals("default")) {
        fallback = language(r, e.getValue(), rule, "default");
        continue;
      }
      String lang = e.getKey();
      if (!LANGUAGES.contains(lang)) {
        r.error(e.getValue(), rule, "unknown language code \"" + lang + "\" (ISO 639-1 in lower case, e.g. en, fr, ja)");
        continue;
      }
      String text = r.scalar(e.getValue(), rule, lang + " text");
      if (text == null) {
        continue;
      }
      for (io.handoff.trigger.Liquid.Problem p : Placeholders.liquidProblems(text)) {
        r.error(e.getValue(), rule, lang + " text line " + p.line() + ": " + p.message());
      }
      for (String p : Placeholders.names(text)) {
        if (p.startsWith(DynamicContent.PREFIX)) {
          r.error(e.getValue(), rule, "a dynamic content text cannot use another item ({{" + p + "}})");
        }
      }
      variants.put(lang, text);
    }
    if (fallback == null) {
      r.error(node, rule, "no fallback language: add \"default: <language>\" (or default_language at the top)");
    } else if (!variants.containsKey(fallback) && LANGUAGES.contains(fallback)) {
      r.error(node, rule, "the fallback language \"" + fallback + "\" has no text in this item");
    }
    return new DynamicContent.Item(name, fallback, variants, YamlReader.line(node));
  }

  private static String language(YamlReader r, Node node, String rule, String what) {
    String v = r.scalar(node, rule, what);
    if (v != null && !LANGUAGES.contains(v)) {
      r.error(node, rule, what + ": unknown language code \"" + v + "\" (ISO 639-1 in lower case, e.g. en, fr, ja)");
      return null;
    }
    return v;
  }
}
