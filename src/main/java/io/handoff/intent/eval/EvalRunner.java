package io.handoff.intent.eval;

import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentClassifier;
import io.handoff.intent.policy.HandoffPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Runs a classifier (and the handoff policy, when given) over labelled examples and scores it.
 * Single-label data is scored on the top intent; multi-label data on the set of intents the
 * classifier predicts (every intent above its threshold). A handoff positive is an example whose
 * labels include the handoff label; a predicted positive is a HANDOFF_TO_HUMAN decision or a
 * prediction of that label.
 */
public final class EvalRunner {
  private static final int CONFUSIONS = 10;
  private final IntentClassifier classifier;
  private final HandoffPolicy policy;
  private final String handoffLabel;

  /** @param policy may be null: then the classifier's own handoff decision counts */
  public EvalRunner(IntentClassifier classifier, HandoffPolicy policy, String handoffLabel) {
    this.classifier = classifier;
    // The handoff label means "a human must take over", so the policy treats it as always-human.
    this.policy = policy == null || handoffLabel == null ? policy : policy.withAlwaysHumanIntent(handoffLabel);
    this.handoffLabel = handoffLabel;
  }

  public EvalReport run(List<LabeledExample> examples, IntConsumer progress) {
    boolean multi = examples.stream().anyMatch(LabeledExample::multiLabel);
    Scores all = new Scores();
    Map<String, Scores> byLanguage = new TreeMap<>();
    Map<String, int[]> handoffByLanguage = new HashMap<>(); // tp, fn
    int[] handoff = new int[3]; // tp, fp, fn
    Map<String, Integer> confusions = new HashMap<>();
    double[] latencies = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      LabeledExample ex = examples.get(i);
      long start = System.nanoTime();
      ClassificationRequest req = ClassificationRequest.ofText("eval-" + (i + 1), ex.text());
      Classification c = classifier.classify(req);
      HandoffDecision decision = policy == null ? c.handoff() : policy.decide(req, c).handoff();
      latencies[i] = (System.nanoTime() - start) / 1e6;
      List<String> predicted = multi ? c.intents() : List.of(c.intent());
      String lang = ex.language() != null ? ex.language() : c.language();
      all.add(ex.intents(), predicted);
      byLanguage.computeIfAbsent(lang, k -> new Scores()).add(ex.intents(), predicted);
      countConfusion(confusions, ex.intents(), predicted, multi);
      if (handoffLabel != null) {
        boolean gold = ex.intents().contains(handoffLabel);
        boolean pred = decision == HandoffDecision.HANDOFF_TO_HUMAN || predicted.contains(handoffLabel);
        if (gold && pred) {
          handoff[0]++;
        } else if (pred) {
          handoff[1]++;
        } else if (gold) {
          handoff[2]++;
        }
        if (gold) {
          handoffByLanguage.computeIfAbsent(lang, k -> new int[2])[pred ? 0 : 1]++;
        }
      }
      progress.accept(i + 1);
    }
    return report(multi, all, byLanguage, handoffByLanguage, handoff, confusions, latencies);
  }

  private EvalReport report(boolean multi, Scores all, Map<String, Scores> byLanguage,
      Map<String, int[]> handoffByLanguage, int[] handoff, Map<String, Integer> confusions, double[] latencies) {
    Map<String, EvalReport.LanguageScores> per = new TreeMap<>();
    byLanguage.forEach((lang, s) -> {
      int[] h = handoffByLanguage.get(lang);
      Double recall = handoffLabel == null || h == null ? null : ratio(h[0], h[0] + h[1]);
      per.put(lang, new EvalReport.LanguageScores(s.examples(), s.accuracy(), s.macroF1(),
          multi ? s.microF1() : null, recall));
    });
    EvalReport.Handoff h = handoffLabel == null ? new EvalReport.Handoff(null, null)
        : new EvalReport.Handoff(ratio(handoff[0], handoff[0] + handoff[1]), ratio(handoff[0], handoff[0] + handoff[2]));
    Arrays.sort(latencies);
    EvalReport.Latency lat = latencies.length == 0 ? new EvalReport.Latency(null, null)
        : new EvalReport.Latency(percentile(latencies, 50), percentile(latencies, 95));
    List<String> top = confusions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(CONFUSIONS).map(e -> e.getValue() + "  " + e.getKey()).collect(Collectors.toList());
    return new EvalReport(classifier.name(), all.examples(), all.accuracy(), all.macroF1(),
        multi ? all.microF1() : null, h, lat, per, top);
  }

  private static void countConfusion(Map<String, Integer> out, List<String> gold, List<String> predicted, boolean multi) {
    if (!multi) {
      if (!gold.equals(predicted)) {
        out.merge(gold.get(0) + " -> " + predicted.get(0), 1, Integer::sum);
      }
      return;
    }
    List<String> keys = new ArrayList<>();
    gold.stream().filter(g -> !predicted.contains(g)).forEach(g -> keys.add("missed " + g));
    predicted.stream().filter(p -> !gold.contains(p)).forEach(p -> keys.add("spurious " + p));
    keys.forEach(k -> out.merge(k, 1, Integer::sum));
  }

  private static Double ratio(int num, int den) {
    return den == 0 ? null : num / (double) den;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
