package io.handoff.intent.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accumulates set-based true/false positives per label, for accuracy, macro- and micro-F1. */
final class Scores {
  private final Map<String, int[]> perLabel = new HashMap<>(); // tp, fp, fn
  private int examples;
  private int exact;

  void add(List<String> gold, List<String> predicted) {
    examples++;
    Set<String> g = new HashSet<>(gold);
    Set<String> p = new HashSet<>(predicted);
    if (g.equals(p)) {
      exact++;
    }
    for (String label : g) {
      perLabel.computeIfAbsent(label, k -> new int[3])[p.contains(label) ? 0 : 2]++;
    }
    for (String label : p) {
      if (!g.contains(label)) {
        perLabel.computeIfAbsent(label, k -> new int[3])[1]++;
      }
    }
  }

  int examples() {
    return examples;
  }

  /** Exact-match accuracy (the whole predicted set must equal the gold set). */
  Double accuracy() {
    return examples == 0 ? null : exact / (double) examples;
  }

  /** Mean F1 over every label seen in gold or predictions. */
  Double macroF1() {
    if (perLabel.isEmpty()) {
      return null;
    }
    return perLabel.values().stream().mapToDouble(c -> f1(c[0], c[1], c[2])).average().orElse(0);
  }

  Double microF1() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int[] c : perLabel.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return examples == 0 ? null : f1(tp, fp, fn);
  }

  static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
