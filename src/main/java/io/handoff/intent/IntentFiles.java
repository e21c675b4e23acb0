package io.handoff.intent;

import io.handoff.intent.llm.PromptTemplates;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.intent.rules.RoutingRulesLoader;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import io.handoff.rules.RuleFileError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Validates every file the intent stage reads, for the {@code validate} command and start-up. */
public final class IntentFiles {
  private IntentFiles() {}

  /**
   * Checks {@code prompts/taxonomy.yaml}, {@code prompts/replies.yaml} and {@code prompts/human-requests.yaml} (when present), the prompt templates, {@code workflows/routing.yaml} and
   * {@code workflows/handoff-policy.yaml}; returns every problem (empty when all are valid).
   */
  public static List<RuleFileError> validate(Path promptsDir, Path workflowsDir) {
    List<RuleFileError> errors = new ArrayList<>();
    var taxonomy = TaxonomyLoader.load(promptsDir.resolve("taxonomy.yaml"));
    errors.addAll(taxonomy.errors());
    java.util.Set<String> intents = taxonomy.value() == null ? java.util.Set.of()
        : new java.util.HashSet<>(taxonomy.value().intentNames());
    errors.addAll(io.handoff.intent.replies.AiRepliesLoader.load(promptsDir, intents).errors());
    errors.addAll(PromptTemplates.load(promptsDir).errors());
    errors.addAll(io.handoff.intent.policy.HumanRequestsLoader.load(promptsDir).errors());
    errors.addAll(RoutingRulesLoader.load(workflowsDir.resolve("routing.yaml")).errors());
    errors.addAll(HandoffPolicyLoader.load(workflowsDir.resolve("handoff-policy.yaml")).errors());
    return errors;
  }
}
