package io.handoff.intent.llm;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM prompt templates {@code prompts/classify-system.md} and {@code prompts/classify-user.md}.
 * Placeholders are {@code {{name}}}; an unknown or missing placeholder is reported with its line.
 */
public record PromptTemplates(String system, String user) {
  public static final String SYSTEM_FILE = "classify-system.md";
  public static final String USER_FILE = "classify-user.md";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final Set<String> SYSTEM_VARS = Set.of("intents");
  private static final Set<String> USER_VARS = Set.of("channel", "customer_tier", "tags", "conversation");

  public static Loaded<PromptTemplates> load(Path promptsDir) {
    List<RuleFileError> errors = new ArrayList<>();
    String system = read(promptsDir.resolve(SYSTEM_FILE), SYSTEM_VARS, Set.of("intents"), errors);
    String user = read(promptsDir.resolve(USER_FILE), USER_VARS, Set.of("conversation"), errors);
    return new Loaded<>(errors.isEmpty() ? new PromptTemplates(system, user) : null, errors);
  }

  /** Replaces every placeholder; values are inserted verbatim (callers escape customer text). */
  public static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String read(Path file, Set<String> allowed, Set<String> required, List<RuleFileError> errors) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors.add(RuleFileError.error(file.toString(), 1, null, "cannot read prompt template: " + e));
      return null;
    }
    Set<String> seen = new java.util.HashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = PLACEHOLDER.matcher(lines[i]);
      while (m.find()) {
        seen.add(m.group(1));
        if (!allowed.contains(m.group(1))) {
          errors.add(RuleFileError.error(file.toString(), i + 1, null,
              "unknown placeholder {{" + m.group(1) + "}} (known: " + String.join(", ", allowed) + ")"));
        }
      }
    }
    for (String r : required) {
      if (!seen.contains(r)) {
        errors.add(RuleFileError.error(file.toString(), 1, null, "missing placeholder {{" + r + "}}"));
      }
    }
    return text;
  }
}
