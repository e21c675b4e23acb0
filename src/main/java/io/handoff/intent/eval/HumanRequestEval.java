package io.handoff.intent.eval;

import io.handoff.intent.policy.HumanRequestDetector;
import io.handoff.intent.policy.HumanRequestDetector.HumanPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Tally tally = new Tally();
    for (LabeledExample ex : examples) {
      var match = detector.detect(ex.text());
      tally.add(ex, ex.intents().contains(handoffLabel), match.map(HumanRequestDetector.Match::describe).orElse(null));
    }
    return tally.scores();
  }

  /**
   * Leave one fold out, for patterns written by reading labelled rows: each file is cut into
   * {@code folds} consecutive folds (row {@code r} of {@code n} is in fold {@code floor(folds*r/n)}),
   * and a row of fold {@code f} counts as detected only through a pattern that also matches a handoff
   * row of another fold (of any file). A pattern that only its own fold supports was plausibly written
   * from that fold, so it does not count there. Still optimistic: the alternatives inside one pattern
   * were written from every fold.
   */
  public static Map<String, Scores> leaveOneFoldOut(HumanRequestDetector detector, List<List<LabeledExample>> files,
      int folds, String handoffLabel) {
    record Row(LabeledExample example, int fold, boolean gold, List<HumanPattern> matches) {}
    List<Row> rows = new ArrayList<>();
    Map<HumanPattern, Set<Integer>> support = new HashMap<>();
    for (List<LabeledExample> file : files) {
      for (int r = 0; r < file.size(); r++) {
        LabeledExample ex = file.get(r);
        int fold = (int) ((long) folds * r / file.size());
        boolean gold = ex.intents().contains(handoffLabel);
        List<HumanPattern> matches = detector.matchingPatterns(ex.text());
        rows.add(new Row(ex, fold, gold, matches));
        if (gold) {
          matches.forEach(p -> support.computeIfAbsent(p, k -> new HashSet<>()).add(fold));
        }
      }
    }
    Tally tally = new Tally();
    for (Row row : rows) {
      HumanPattern used = row.matches().stream()
          .filter(p -> support.getOrDefault(p, Set.of()).stream().anyMatch(f -> f != row.fold()))
          .findFirst().orElse(null);
      tally.add(row.example(), row.gold(), used == null ? null
          : "pattern " + used.location() + " (" + used.language() + "), fold " + row.fold());
    }
    return tally.scores();
  }

  /** Counts per language and for "all"; keeps up to 20 misses and false handoffs per language. */
  private static final class Tally {
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, List<String>> missed = new TreeMap<>();
    private final Map<String, List<String>> flagged = new TreeMap<>();

    /** @param match what detected the row, or null */
    void add(LabeledExample ex, boolean gold, String match) {
      String lang = ex.language() == null ? "und" : ex.language();
      boolean found = match != null;
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
        keep(flagged, lang, ex.text() + "  <- " + match);
      }
    }

    Map<String, Scores> scores() {
      Map<String, Scores> out = new TreeMap<>();
      counts.forEach((k, c) -> out.put(k, new Scores(c[0], c[1], c[2], c[3],
          List.copyOf(missed.getOrDefault(k, List.of())), List.copyOf(flagged.getOrDefault(k, List.of())))));
      return out;
    }

    private static void keep(Map<String, List<String>> out, String lang, String text) {
      List<String> l = out.computeIfAbsent(lang, k -> new ArrayList<>());
      if (l.size() < 20) {
        l.add(text);
      }
    }
  }
}
