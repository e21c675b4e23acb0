package io.handoff.intent.offline;

import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentClassifier;
import io.handoff.intent.IntentScore;
import io.handoff.intent.taxonomy.Exemplar;
import io.handoff.intent.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default classifier: OpenNLP language identification, then a linear model over
 * character n-gram and word TF-IDF features learnt from the taxonomy's exemplars at construction.
 *
 * <p>It is honest about its limits: a language without exemplars is reported with
 * {@code languageSupported=false} and handed off to a human, as is a message with no known features.
 */
public final class OfflineIntentClassifier implements IntentClassifier {
  public static final String NAME = "offline";
  private static final String ALGORITHM = "tfidf-charngram-linear-1";
  private static final int TOP_K = 5;
  private final Taxonomy taxonomy;
  private final List<String> labels;
  private final TextFeatures features;
  private final LinearModel model;
  private final LanguageIdentifier languages;
  private final UrgencyDetector urgency;
  private final LanguageProfiles profiles;

  public OfflineIntentClassifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.labels = taxonomy.intentNames();
    List<Exemplar> exemplars = taxonomy.exemplars();
    this.features = TextFeatures.fit(exemplars.stream().map(Exemplar::text).toList());
    Map<String, Integer> labelIndex = new HashMap<>();
    labels.forEach(l -> labelIndex.put(l, labelIndex.size()));
    List<SparseVector> xs = new ArrayList<>();
    Map<String, List<SparseVector>> byLanguage = new HashMap<>();
    List<int[]> ys = new ArrayList<>();
    boolean multiLabel = false;
    for (Exemplar e : exemplars) {
      xs.add(features.vectorize(e.text()));
      byLanguage.computeIfAbsent(e.language(), k -> new ArrayList<>()).add(xs.get(xs.size() - 1));
      ys.add(e.intents().stream().mapToInt(labelIndex::get).toArray());
      multiLabel |= e.intents().size() != 1;
    }
    this.model = LinearModel.train(xs, ys, labels.size(), features.dimension(), multiLabel);
    this.languages = new LanguageIdentifier(taxonomy.languages());
    this.urgency = new UrgencyDetector(taxonomy.urgencyWords());
    this.profiles = new LanguageProfiles(byLanguage, features.dimension());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return ALGORITHM + "+taxonomy-" + taxonomy.version();
  }

  @Override
  public Classification classify(ClassificationRequest request) {
    long start = System.nanoTime();
    String text = request.customerText();
    if (text.isBlank()) {
      return result(taxonomy.fallbackIntent(), List.of(), 0, LanguageIdentifier.UNDETERMINED, false,
          text, HandoffDecision.ASK_CLARIFICATION, "no customer text to classify", List.of(), start);
    }
    SparseVector x = features.vectorize(text);
    String language = identifyLanguage(text, x);
    boolean supported = taxonomy.languages().contains(language);
    List<IntentScore> ranked = rank(x);
    IntentScore top = ranked.isEmpty() ? new IntentScore(taxonomy.fallbackIntent(), 0) : ranked.get(0);
    List<String> predicted = ranked.stream().filter(s -> s.score() >= taxonomy.threshold())
        .map(IntentScore::intent).toList();
    if (!supported) {
      return result(top.intent(), predicted, top.score(), language, false, text,
          HandoffDecision.HANDOFF_TO_HUMAN,
          "language \"" + language + "\" is not supported (no exemplars); a human should read it",
          ranked, start);
    }
    if (x.isEmpty()) {
      return result(top.intent(), List.of(), 0, language, true, text, HandoffDecision.HANDOFF_TO_HUMAN,
          "no known words or character patterns in the message", ranked, start);
    }
    return result(top.intent(), predicted, top.score(), language, true, text, HandoffDecision.AI_RESOLVES,
        String.format(java.util.Locale.ROOT, "intent %s with probability %.2f", top.intent(), top.score()),
        ranked, start);
  }

  private String identifyLanguage(String text, SparseVector x) {
    String language = languages.identify(text);
    if (!taxonomy.languages().contains(language)
        && features.coverage(text) >= LanguageProfiles.KNOWN_TEXT_COVERAGE) {
      String nearest = profiles.nearest(x);
      return nearest == null ? language : nearest;
    }
    return language;
  }

  private List<IntentScore> rank(SparseVector x) {
    if (labels.isEmpty()) {
      return List.of();
    }
    double[] p = model.probabilities(x);
    List<IntentScore> all = new ArrayList<>();
    for (int k = 0; k < p.length; k++) {
      all.add(new IntentScore(labels.get(k), p[k]));
    }
    all.sort(Comparator.comparingDouble(IntentScore::score).reversed());
    // Keep every predicted intent even beyond the top k, so multi-label output is complete.
    int keep = (int) Math.max(TOP_K, all.stream().filter(s -> s.score() >= taxonomy.threshold()).count());
    return List.copyOf(all.subList(0, Math.min(keep, all.size())));
  }

  private Classification result(String intent, List<String> intents, double confidence, String language,
      boolean supported, String text, HandoffDecision handoff, String reason, List<IntentScore> top,
      long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    return new Classification(intent, intents, confidence, language, supported, urgency.detect(text),
        handoff, reason, ms, null, null, null, NAME, version(), null, top);
  }
}
