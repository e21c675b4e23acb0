package io.handoff.intent.policy;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Loads and validates {@code prompts/human-requests.yaml}, every problem with its line. */
public final class HumanRequestsLoader {
  public static final String FILE = "human-requests.yaml";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private HumanRequestsLoader() {}

  /** The detector of a prompts directory; {@link HumanRequestDetector#NONE} when it has no such file. */
  public static Loaded<HumanRequestDetector> load(Path promptsDir) {
    Path file = promptsDir.resolve(FILE);
    if (!Files.exists(file)) {
      return new Loaded<>(HumanRequestDetector.NONE, List.of());
    }
    return load(YamlReader.of(file));
  }

  public static Loaded<HumanRequestDetector> load(YamlReader doc) {
    MappingNode root = doc.rootMap();
    if (root == null) {
      return new Loaded<>(null, doc.errors());
    }
    doc.mapping(root, null, "the human-requests file", Set.of("languages"));
    List<HumanRequestDetector.HumanPattern> patterns = new ArrayList<>();
    YamlReader.get(root, "languages").map(n -> doc.map(n, null, "languages")).ifPresentOrElse(
        m -> doc.forEachEntry(m, (k, v) -> {
          String language = k.getValue();
          if (!LANGUAGE.matcher(language).matches()) {
            doc.error(k, null, "\"" + language + "\" is not a language code (two or three lower-case letters)");
            return;
          }
          int[] items = {0};
          doc.forEachItem(v, null, "languages." + language, item -> Optional.ofNullable(doc.text(item, null, "pattern"))
              .ifPresent(p -> {
                items[0]++;
                if (p.isBlank()) {
                  doc.error(item, null, "languages." + language + ": empty pattern");
                  return;
                }
                try {
                  // NFKC like the messages, but no lower-casing: it would turn \\S into \\s.
                  Pattern regex = Pattern.compile(java.text.Normalizer.normalize(p, java.text.Normalizer.Form.NFKC),
                      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
                  if (regex.matcher("").find()) {
                    doc.error(item, null, "languages." + language + ": pattern \"" + p + "\" matches every message");
                    return;
                  }
                  patterns.add(new HumanRequestDetector.HumanPattern(language, regex,
                      doc.file() + ":" + YamlReader.line(item)));
                } catch (PatternSyntaxException e) {
                  doc.error(item, null, "invalid regex \"" + p + "\": " + e.getDescription());
                }
              }));
          if (items[0] == 0) {
            doc.error(k, null, "languages." + language + " has no pattern");
          }
        }),
        () -> doc.error(root, null, "missing key \"languages\""));
    HumanRequestDetector detector = new HumanRequestDetector(doc.version(), patterns);
    return new Loaded<>(doc.errors().isEmpty() ? detector : null, doc.errors());
  }
}
