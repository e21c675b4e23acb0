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
 * <p>With a {@link SentenceEncoder} ({@code handoff.ai.offline.embeddings=minilm}), messages identified
 * in one of the encoder's languages are scored by a second linear model, trained on the exemplars of
 * those languages only, over the same lexical features plus the sentence vector (weighted by
 * {@link #EMBEDDING_WEIGHT}); every other message goes through the lexical model exactly as without
 * the encoder. Such a classification's {@code classifierVersion} names the encoder.
 *
 * <p>It is honest about its limits: a language without exemplars is reported with
 * {@code languageSupported=false} and handed off to a human, as is a message with no known features.
 */
public final class OfflineIntentClassifier implements IntentClassifier {
  public static final String NAME = "offline";
  private static final String ALGORITHM = "tfidf-charngram-linear-1";
  private static final int TOP_K = 5;
  /**
   * Weight of the (L2-normalised) sentence vector beside the (L2-normalised) lexical vector in the
   * encoder's model; chosen on the BANKING77 tuning split (docs/ai-eval.md).
   */
  public static final double EMBEDDING_WEIGHT = 2.0;
  private final Taxonomy taxonomy;
  private final List<String> labels;
  private final TextFeatures features;
  private final LinearModel model;
  private final LanguageIdentifier languages;
  private final UrgencyDetector urgency;
  private final LanguageProfiles profiles;
  private final SentenceEncoder encoder;
  private final double embeddingWeight;
  /** Trained on the exemplars in the encoder's languages; null without an encoder or such exemplars. */
  private final LinearModel encoderModel;

  public OfflineIntentClassifier(Taxonomy taxonomy) {
    this(taxonomy, null);
  }

  /** @param encoder null for the lexical model alone */
  public OfflineIntentClassifier(Taxonomy taxonomy, SentenceEncoder encoder) {
    this(taxonomy, encoder, EMBEDDING_WEIGHT);
  }

  /** @param embeddingWeight weight of the sentence vector; other than {@link #EMBEDDING_WEIGHT} only to tune it */
  public OfflineIntentClassifier(Taxonomy taxonomy, SentenceEncoder encoder, double embeddingWeight) {
    this.taxonomy = taxonomy;
    this.encoder = encoder;
    this.embeddingWeight = embeddingWeight;
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
    this.encoderModel = encoder == null ? null : trainEncoderModel(exemplars, xs, ys, multiLabel);
  }

  private LinearModel trainEncoderModel(List<Exemplar> exemplars, List<SparseVector> lexical, List<int[]> ys,
      boolean multiLabel) {
    List<SparseVector> xs = new ArrayList<>();
    List<int[]> targets = new ArrayList<>();
    for (int i = 0; i < exemplars.size(); i++) {
      if (encoder.languages().contains(exemplars.get(i).language())) {
        xs.add(withEmbedding(lexical.get(i), exemplars.get(i).text()));
        targets.add(ys.get(i));
      }
    }
    return xs.isEmpty() ? null
        : LinearModel.train(xs, targets, labels.size(), features.dimension() + encoder.dimension(), multiLabel);
  }

  /** The lexical vector followed by the weighted sentence vector (indexes after the lexical ones). */
  private SparseVector withEmbedding(SparseVector lexical, String text) {
    float[] e = encoder.embed(text);
    int n = lexical.index().length;
    int[] index = java.util.Arrays.copyOf(lexical.index(), n + e.length);
    float[] value = java.util.Arrays.copyOf(lexical.value(), n + e.length);
    for (int i = 0; i < e.length; i++) {
      index[n + i] = features.dimension() + i;
      value[n + i] = (float) (embeddingWeight * e[i]);
    }
    return new SparseVector(index, value);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The lexical model's version; a classification made with the encoder's model records
   * {@code tfidf-charngram-linear-1+minilm-l6-v2-q+taxonomy-...} instead.
   */
  @Override
  public String version() {
    return ALGORITHM + "+taxonomy-" + taxonomy.version();
  }

  private String encoderVersion() {
    return ALGORITHM + "+" + encoder.name() + "+taxonomy-" + taxonomy.version();
  }

  /** The encoder, or null when only the lexical model runs. */
  public SentenceEncoder encoder() {
    return encoder;
  }

  @Override
  public Classification classify(ClassificationRequest request) {
    long start = System.nanoTime();
    String text = request.customerText();
    if (text.isBlank()) {
      return result(taxonomy.fallbackIntent(), List.of(), 0, LanguageIdentifier.UNDETERMINED, false,
          text, HandoffDecision.ASK_CLARIFICATION, "no customer text to classify", List.of(), version(), start);
    }
    SparseVector x = features.vectorize(text);
    String language = identifyLanguage(text, x);
    boolean supported = taxonomy.languages().contains(language);
    boolean encoded = supported && encoderModel != null && encoder.languages().contains(language) && !x.isEmpty();
    String version = encoded ? encoderVersion() : version();
    List<IntentScore> ranked = encoded ? rank(encoderModel, withEmbedding(x, text)) : rank(model, x);
    IntentScore top = ranked.isEmpty() ? new IntentScore(taxonomy.fallbackIntent(), 0) : ranked.get(0);
    List<String> predicted = ranked.stream().filter(s -> s.score() >= taxonomy.threshold())
        .map(IntentScore::intent).toList();
    if (!supported) {
      return result(top.intent(), predicted, top.score(), language, false, text,
          HandoffDecision.HANDOFF_TO_HUMAN,
          "language \"" + language + "\" is not supported (no exemplars); a human should read it",
          ranked, version, start);
    }
    if (x.isEmpty()) {
      return result(top.intent(), List.of(), 0, language, true, text, HandoffDecision.HANDOFF_TO_HUMAN,
          "no known words or character patterns in the message", ranked, version, start);
    }
    return result(top.intent(), predicted, top.score(), language, true, text, HandoffDecision.AI_RESOLVES,
        String.format(java.util.Locale.ROOT, "intent %s with probability %.2f%s", top.intent(), top.score(),
            encoded ? " (words and " + encoder.name() + " sentence embedding)" : ""),
        ranked, version, start);
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

  private List<IntentScore> rank(LinearModel m, SparseVector x) {
    if (labels.isEmpty()) {
      return List.of();
    }
    double[] p = m.probabilities(x);
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
      String version, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    return new Classification(intent, intents, confidence, language, supported, urgency.detect(text),
        handoff, reason, ms, null, null, null, NAME, version, null, top);
  }
}
