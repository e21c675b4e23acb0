package io.handoff.intent;

import io.handoff.intent.llm.PromptTemplates;
import io.handoff.intent.policy.HandoffPolicy;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.intent.policy.HumanRequestDetector;
import io.handoff.intent.replies.AiReplies;
import io.handoff.intent.rules.RoutingRules;
import io.handoff.intent.rules.RoutingRulesLoader;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file the intent stage reads, parsed once: {@code prompts/taxonomy.yaml}, {@code prompts/replies.yaml}
 * and {@code prompts/human-requests.yaml} (when present), the prompt templates, {@code workflows/routing.yaml}
 * and {@code workflows/handoff-policy.yaml}. A value is null when its file did not load; {@code problems}
 * holds every error and warning, in that file order.
 */
public record IntentFiles(Taxonomy taxonomy, AiReplies replies, PromptTemplates templates,
    HumanRequestDetector humanRequests, RoutingRules routing, HandoffPolicy policy, List<RuleFileError> problems) {

  public IntentFiles {
    problems = List.copyOf(problems);
  }

  /** Loads every intent file of the two directories, collecting every problem at once. */
  public static IntentFiles load(Path promptsDir, Path workflowsDir) {
    List<RuleFileError> problems = new ArrayList<>();
    var taxonomy = TaxonomyLoader.load(promptsDir.resolve("taxonomy.yaml"));
    problems.addAll(taxonomy.errors());
    java.util.Set<String> intents = taxonomy.value() == null ? java.util.Set.of()
        : new java.util.HashSet<>(taxonomy.value().intentNames());
    var replies = io.handoff.intent.replies.AiRepliesLoader.load(promptsDir, intents);
    problems.addAll(replies.errors());
    var templates = PromptTemplates.load(promptsDir);
    problems.addAll(templates.errors());
    var human = io.handoff.intent.policy.HumanRequestsLoader.load(promptsDir);
    problems.addAll(human.errors());
    var routing = RoutingRulesLoader.load(workflowsDir.resolve("routing.yaml"));
    problems.addAll(routing.errors());
    var policy = HandoffPolicyLoader.load(workflowsDir.resolve("handoff-policy.yaml"));
    problems.addAll(policy.errors());
    return new IntentFiles(valid(taxonomy), valid(replies), valid(templates), valid(human), valid(routing),
        valid(policy), problems);
  }

  /**
   * Checks the intent files (see {@link #load}); returns every problem (empty when all are valid), for the
   * {@code validate} command and start-up.
   */
  public static List<RuleFileError> validate(Path promptsDir, Path workflowsDir) {
    return load(promptsDir, workflowsDir).problems();
  }

  /**
   * The policy a journey applies: handoff-policy.yaml with the human-request patterns and, as the only
   * intents the AI may resolve, those with a reviewed answer in replies.yaml.
   */
  public HandoffPolicy journeyPolicy() {
    return policy.withPrompts(humanRequests, replies.answerableIntents());
  }

  /**
   * What tells two loads of the intent files apart: each file's content hash (the prompt templates' texts);
   * equal when no intent file changed.
   */
  public List<Object> versions() {
    return java.util.Arrays.asList(taxonomy.version(), replies.version(), templates, humanRequests.version(),
        routing.version(), policy.version());
  }

  private static <T> T valid(Loaded<T> loaded) {
    return loaded.ok() ? loaded.value() : null;
  }
}
