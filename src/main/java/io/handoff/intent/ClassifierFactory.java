package io.handoff.intent;

import io.handoff.intent.llm.LlmIntentClassifier;
import io.handoff.intent.llm.LlmSettings;
import io.handoff.intent.llm.PromptTemplates;
import io.handoff.intent.offline.MiniLmEncoder;
import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.intent.offline.SentenceEncoder;
import io.handoff.intent.rules.RoutingRulesLoader;
import io.handoff.intent.rules.RulesIntentClassifier;
import io.handoff.intent.taxonomy.Exemplar;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds classifiers from {@code prompts/} and {@code workflows/}; used by the CLI (no CDI) and by
 * the activity implementation. Every file is loaded and validated here, once; invalid files throw
 * {@link IllegalArgumentException} listing every error.
 */
public final class ClassifierFactory {
  /** Values of {@code handoff.ai.offline.embeddings}. */
  public static final String BUILTIN = "builtin";
  public static final String MINILM = "minilm";
  /** Each file is read when a classifier needs it (CLI), or taken from files parsed once (the service). */
  private final java.util.function.Supplier<Taxonomy> taxonomy;
  private final java.util.function.Supplier<PromptTemplates> templates;
  private final java.util.function.Supplier<io.handoff.intent.rules.RoutingRules> routing;
  private final LlmSettings llm;
  private final String embeddings;

  public ClassifierFactory(Path promptsDir, Path workflowsDir, LlmSettings llm) {
    this(promptsDir, workflowsDir, llm, BUILTIN);
  }

  /**
   * @param embeddings {@code builtin} (lexical features only) or {@code minilm} (English messages also
   *     by the MiniLM sentence embedding); anything else is refused here, naming the key
   */
  public ClassifierFactory(Path promptsDir, Path workflowsDir, LlmSettings llm, String embeddings) {
    this.taxonomy = () -> TaxonomyLoader.load(promptsDir.resolve("taxonomy.yaml")).orThrow();
    this.templates = () -> PromptTemplates.load(promptsDir).orThrow();
    this.routing = () -> RoutingRulesLoader.load(workflowsDir.resolve("routing.yaml")).orThrow();
    this.llm = llm;
    this.embeddings = checkEmbeddings(embeddings);
  }

  /** Classifiers from intent files already loaded and validated (the rule directory in service). */
  public ClassifierFactory(IntentFiles files, LlmSettings llm, String embeddings) {
    this.taxonomy = files::taxonomy;
    this.templates = files::templates;
    this.routing = files::routing;
    this.llm = llm;
    this.embeddings = checkEmbeddings(embeddings);
  }

  private static String checkEmbeddings(String value) {
    if (BUILTIN.equals(value) || MINILM.equals(value)) {
      return value;
    }
    throw new IllegalArgumentException("handoff.ai.offline.embeddings: unknown value \"" + value
        + "\" (builtin, minilm)");
  }

  /** LLM settings from {@code HANDOFF_AI_*} environment variables, for the CLI. */
  public static LlmSettings settingsFromEnv() {
    return LlmSettings.fromEnv(System.getenv());
  }

  public Taxonomy taxonomy() {
    return taxonomy.get();
  }

  /**
   * @param name offline, llm or rules
   * @param exemplars replaces the taxonomy's exemplars when not null (eval's {@code --exemplars})
   */
  public IntentClassifier create(String name, List<Exemplar> exemplars) {
    return switch (name) {
      case "offline" -> offline(exemplars);
      case "llm" -> new LlmIntentClassifier(llm, taxonomyWith(exemplars), templates.get(),
          offline(exemplars));
      case "rules" -> new RulesIntentClassifier(routing.get());
      default -> throw new IllegalArgumentException("unknown classifier \"" + name + "\" (offline, llm, rules)");
    };
  }

  /** The offline classifier, with the sentence encoder that {@code embeddings} names. */
  public OfflineIntentClassifier offline(List<Exemplar> exemplars) {
    SentenceEncoder encoder = MINILM.equals(embeddings) ? new MiniLmEncoder() : null;
    return new OfflineIntentClassifier(taxonomyWith(exemplars), encoder);
  }

  private Taxonomy taxonomyWith(List<Exemplar> exemplars) {
    Taxonomy t = taxonomy();
    return exemplars == null ? t : t.withExemplars(exemplars, "exemplars-" + Integer.toHexString(exemplars.hashCode()));
  }
}
