package io.handoff.automation;

import io.handoff.support.Webhook;
import io.handoff.trigger.IdempotencyKeys;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.Problems;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code automations.yaml} from a rule directory (plain Java: the application, {@code validate}
 * and the importer use it). A missing file means no automations. Webhooks named by actions are the
 * ones declared in {@code support-triggers.yaml}.
 */
public final class AutomationLoader {
  public static final String FILE = "automations.yaml";

  private AutomationLoader() {}

  public static Loaded<AutomationSet> load(Path workflowsDir, Map<String, Webhook> webhooks) {
    Path file = workflowsDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Loaded<>(new AutomationSet(List.of(), webhooks, "none"), List.of());
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), webhooks);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses the text of an automations file; {@code fileName} prefixes every problem. */
  public static Loaded<AutomationSet> parse(String text, String fileName, Map<String, Webhook> webhooks) {
    Problems problems = new Problems(fileName);
    String version = IdempotencyKeys.shortHash(text);
    AutomationSet set = new AutomationParser(problems, webhooks).parse(text, version);
    boolean failed = problems.all().stream().anyMatch(p -> p.severity() == RuleFileError.Severity.ERROR);
    return new Loaded<>(failed ? null : set, problems.all());
  }
}
