package io.handoff.intent.eval;

import io.handoff.intent.policy.HumanRequestDetector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the human-request detector alone ({@code prompts/human-requests.yaml}) on labelled examples:
 * per language, the recall on rows carrying the handoff label, and on the other rows how often it
 * would hand off without reason (false-handoff rate), so that "always a human" cannot pass.
 */
public final class HumanRequestEval {
  private HumanRequestEval() {}

  /**
   * @param positives rows with the handoff label
   * @param detected positives the detector found
   * @param negatives rows without it
   * @param falseHandoffs negatives the detector flagged
   * @param missed up to 20 positives it did not find, for the report
   * @param flagged up to 20 negatives it flagged, with the pattern that matched
   */
  public record Scores(int positives, int detected, int negatives, int falseHandoffs, List<String> missed,
      List<String> flagged) {
    @com.fasterxml.jackson.annotation.JsonProperty
    public Double recall() {
      return positives == 0 ? null : detected / (double) positives;
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public Double precision() {
      return detected + falseHandoffs == 0 ? null : detected / (double) (detected + falseHandoffs);
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public Double falseHandoffRate() {
      return negatives == 0 ? null : falseHandoffs / (double) negatives;
    }
  }

  /** Scores by language (the row's own language, else "und"), plus the key "all". */
  public static Map<String, Scores> run(HumanRequestDetector detector, List<LabeledExample> examples,
      String handoffLabel) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<String>> missed = new TreeMap<>();
    Map<String, List<String>> flagged = new TreeMap<>();
    for (LabeledExample ex : examples) {
      String lang = ex.language() == null ? "und" : ex.language();
      boolean gold = ex.intents().contains(handoffLabel);
      var match = detector.detect(ex.text());
      boolean found = match.isPresent();
      for (String key : List.of(lang, "all")) {
        int[] c = counts.computeIfAbsent(key, k -> new int[4]);
        c[gold ? 0 : 2]++;
        if (found) {
          c[gold ? 1 : 3]++;
        }
      }
      if (gold && !found) {
        keep(missed, lang, ex.text());
      } else if (!gold && found) {
        keep(flagged, lang, ex.text() + "  <- " + match.get().describe());
      }
    }
    Map<String, Scores> out = new TreeMap<>();
    counts.forEach((k, c) -> out.put(k, new Scores(c[0], c[1], c[2], c[3],
        List.copyOf(missed.getOrDefault(k, List.of())), List.copyOf(flagged.getOrDefault(k, List.of())))));
    return out;
  }

  private static void keep(Map<String, List<String>> out, String lang, String text) {
    List<String> l = out.computeIfAbsent(lang, k -> new java.util.ArrayList<>());
    if (l.size() < 20) {
      l.add(text);
    }
  }
}
