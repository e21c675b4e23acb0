package io.handoff.intent.replies;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Loads and validates {@code prompts/replies.yaml}, every problem with its line. */
public final class AiRepliesLoader {
  public static final String FILE = "replies.yaml";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final int MAX_LENGTH = 1000;

  private AiRepliesLoader() {}

  /**
   * The replies of a prompts directory checked against its taxonomy; throws with every error when
   * either file is invalid (start-up, simulate).
   */
  public static AiReplies forPrompts(Path promptsDir) {
    var taxonomy = io.handoff.intent.taxonomy.TaxonomyLoader.load(promptsDir.resolve("taxonomy.yaml")).orThrow();
    return load(promptsDir, new java.util.HashSet<>(taxonomy.intentNames())).orThrow();
  }

  /** The replies of a prompts directory; {@link AiReplies#NONE} when it has no {@code replies.yaml}. */
  public static Loaded<AiReplies> load(Path promptsDir, Set<String> intents) {
    Path file = promptsDir.resolve(FILE);
    if (!Files.exists(file)) {
      return new Loaded<>(AiReplies.NONE, java.util.List.of());
    }
    return load(YamlReader.of(file), intents);
  }

  /** Parses the file; {@code intents} are the taxonomy's, which the answers must name. */
  public static Loaded<AiReplies> load(YamlReader doc, Set<String> intents) {
    MappingNode root = doc.rootMap();
    if (root == null) {
      return new Loaded<>(null, doc.errors());
    }
    doc.mapping(root, null, "the replies file", Set.of("defaultLanguage", "clarify", "resolve", "handoff"));
    String defaultLanguage = YamlReader.get(root, "defaultLanguage")
        .map(n -> doc.text(n, null, "defaultLanguage")).orElse("en");
    if (!LANGUAGE.matcher(defaultLanguage).matches()) {
      YamlReader.get(root, "defaultLanguage").ifPresent(n -> doc.error(n, null,
          "defaultLanguage must be a two-letter language code, not \"" + defaultLanguage + "\""));
    }
    Map<String, String> clarify = YamlReader.get(root, "clarify").map(n -> doc.map(n, null, "clarify"))
        .map(m -> texts(doc, m, "clarify", defaultLanguage)).orElse(Map.of());
    Map<String, String> handoff = YamlReader.get(root, "handoff").map(n -> doc.map(n, null, "handoff"))
        .map(m -> texts(doc, m, "handoff", defaultLanguage)).orElse(Map.of());
    Map<String, Map<String, String>> resolve = new LinkedHashMap<>();
    YamlReader.get(root, "resolve").map(n -> doc.map(n, null, "resolve")).ifPresent(m -> doc.forEachEntry(m,
        (k, v) -> {
          String intent = k.getValue();
          if (!AiReplies.DEFAULT_INTENT.equals(intent) && !intents.contains(intent)) {
            doc.error(k, null, "unknown intent \"" + intent + "\" (the taxonomy's intents, or "
                + AiReplies.DEFAULT_INTENT + ")");
          }
          Optional.ofNullable(doc.map(v, null, "resolve." + intent)).ifPresent(t -> resolve.put(intent,
              texts(doc, t, "resolve." + intent, defaultLanguage)));
        }));
    AiReplies replies = new AiReplies(doc.version(), defaultLanguage, clarify, resolve, handoff);
    return new Loaded<>(doc.errors().isEmpty() ? replies : null, doc.errors());
  }

  /** Texts by language; each must be non-blank and short enough for a chat message, and the default language present. */
  private static Map<String, String> texts(YamlReader doc, MappingNode m, String where, String defaultLanguage) {
    Map<String, String> out = new LinkedHashMap<>();
    doc.forEachEntry(m, (k, v) -> {
      if (!LANGUAGE.matcher(k.getValue()).matches()) {
        doc.error(k, null, where + ": \"" + k.getValue() + "\" is not a two-letter language code");
        return;
      }
      Optional.ofNullable(doc.text(v, null, where + "." + k.getValue())).ifPresent(text -> {
        if (text.isBlank()) {
          doc.error(v, null, where + "." + k.getValue() + " is empty");
        } else if (text.length() > MAX_LENGTH) {
          doc.error(v, null, where + "." + k.getValue() + " is " + text.length() + " characters (at most "
              + MAX_LENGTH + ")");
        } else {
          out.put(k.getValue(), text.strip());
        }
      });
    });
    if (!out.isEmpty() && !out.containsKey(defaultLanguage)) {
      doc.error(m, null, where + " has no text in the default language " + defaultLanguage);
    }
    return out;
  }
}
