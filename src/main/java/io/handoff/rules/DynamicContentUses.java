package io.handoff.rules;

import io.handoff.messaging.MessagingVocabulary;
import io.handoff.support.SupportVocabulary;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.trigger.Placeholders;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks every {@code {{dc.name}}} a rule file uses against {@code dynamic-content.yaml}: the item must
 * exist, the file must be one whose texts reach a customer or agent, and each of the item's texts may
 * only use placeholders that file can fill. Errors are reported at the line that uses the item.
 */
public final class DynamicContentUses {

  /** The files that may use dynamic content, with the placeholders their texts can fill. */
  static final Map<String, Set<String>> FILES = Map.of(
      "messaging-triggers.yaml", MessagingVocabulary.PLACEHOLDERS,
      "support-triggers.yaml", SupportVocabulary.PLACEHOLDERS,
      "automations.yaml", SupportVocabulary.PLACEHOLDERS,
      // Reminder messages are sent as written: no placeholders.
      "inactivity.yaml", Set.of());

  private DynamicContentUses() {}

  public static List<RuleFileError> check(Path dir, DynamicContent content) {
    List<RuleFileError> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")
          && !p.getFileName().toString().equals(DynamicContentLoader.FILE)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Set<String> fillable = FILES.get(file.getFileName().toString());
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith("#")) {
          continue;
        }
        for (String name : Placeholders.names(line)) {
          if (name.startsWith(DynamicContent.PREFIX)) {
            check(out, file.toString(), i + 1, name, fillable, content);
          }
        }
      }
    }
    return out;
  }

  private static void check(List<RuleFileError> out, String file, int line, String name, Set<String> fillable,
      DynamicContent content) {
    if (fillable == null) {
      out.add(RuleFileError.error(file, line, null, "{{" + name + "}}: dynamic content is for texts customers and agents"
          + " read, in " + String.join(", ", new TreeSet<>(FILES.keySet()))));
      return;
    }
    DynamicContent.Item item = content.items().get(name.substring(DynamicContent.PREFIX.length()));
    if (item == null) {
      out.add(RuleFileError.error(file, line, null, "unknown dynamic content {{" + name + "}}: define it in "
          + DynamicContentLoader.FILE + (content.items().isEmpty() ? "" : " (defined: "
          + String.join(", ", new TreeSet<>(content.items().keySet())) + ")")));
      return;
    }
    for (Map.Entry<String, String> v : new java.util.TreeMap<>(item.variants()).entrySet()) {
      for (String p : Placeholders.names(v.getValue())) {
        if (!p.startsWith(DynamicContent.PREFIX) && !fillable.contains(p)) {
          out.add(RuleFileError.error(file, line, null, "{{" + name + "}} (" + v.getKey() + ") uses {{" + p
              + "}}, which this file's texts cannot fill" + (fillable.isEmpty() ? " (they take no placeholders)" : "")));
        }
      }
    }
  }
}
