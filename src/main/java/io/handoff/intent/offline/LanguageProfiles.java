package io.handoff.intent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Centroids of the exemplars' feature vectors per language. Used when the general language
 * identifier names a language without exemplars although nearly every n-gram of the message occurs
 * in the exemplars: short replies ("ok", "yes, from 9 on") are often misidentified, yet the
 * classifier plainly knows their words.
 */
final class LanguageProfiles {
  /** Share of known n-grams above which the exemplars' own languages are trusted. */
  static final double KNOWN_TEXT_COVERAGE = 0.8;
  private final List<String> languages = new ArrayList<>();
  private final List<float[]> centroids = new ArrayList<>();
  private final List<Double> norms = new ArrayList<>();

  LanguageProfiles(Map<String, List<SparseVector>> byLanguage, int dimension) {
    byLanguage.forEach((language, vectors) -> {
      float[] c = new float[dimension];
      for (SparseVector v : vectors) {
        for (int i = 0; i < v.index().length; i++) {
          c[v.index()[i]] += v.value()[i];
        }
      }
      double norm = 0;
      for (float f : c) {
        norm += f * f;
      }
      languages.add(language);
      centroids.add(c);
      norms.add(Math.sqrt(norm));
    });
  }

  /** The exemplar language whose centroid is most similar to the vector, or null if none. */
  String nearest(SparseVector x) {
    String best = null;
    double bestScore = 0;
    for (int i = 0; i < languages.size(); i++) {
      double norm = norms.get(i);
      double score = norm == 0 ? 0 : x.dot(centroids.get(i)) / norm;
      if (score > bestScore) {
        bestScore = score;
        best = languages.get(i);
      }
    }
    return best;
  }
}
