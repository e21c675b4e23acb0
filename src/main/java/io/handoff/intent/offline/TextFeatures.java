package io.handoff.intent.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TF-IDF features that work in any script: character n-grams (2 to 5) inside word boundaries,
 * which carry morphology across languages, plus word unigrams and bigrams. The vocabulary and the
 * inverse document frequencies are learnt from the exemplars; unseen n-grams are ignored.
 */
final class TextFeatures {
  private static final int MIN_N = 2;
  private static final int MAX_N = 5;
  private final Map<String, Integer> vocabulary;
  private final float[] idf;

  private TextFeatures(Map<String, Integer> vocabulary, float[] idf) {
    this.vocabulary = vocabulary;
    this.idf = idf;
  }

  /** Learns the vocabulary and IDF weights from the given texts. */
  static TextFeatures fit(List<String> texts) {
    Map<String, Integer> vocab = new HashMap<>();
    List<Integer> df = new ArrayList<>();
    for (String text : texts) {
      Map<String, Integer> seen = new HashMap<>();
      grams(text, g -> seen.merge(g, 1, Integer::sum));
      for (String g : seen.keySet()) {
        Integer id = vocab.putIfAbsent(g, vocab.size());
        if (id == null) {
          df.add(1);
        } else {
          df.set(id, df.get(id) + 1);
        }
      }
    }
    float[] idf = new float[vocab.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df.get(i))) + 1.0);
    }
    return new TextFeatures(vocab, idf);
  }

  int dimension() {
    return idf.length;
  }

  /** Share of the text's n-grams (by occurrence) that the exemplars contain, in [0, 1]. */
  double coverage(String text) {
    int[] counts = new int[2];
    grams(text, g -> {
      counts[0]++;
      if (vocabulary.containsKey(g)) {
        counts[1]++;
      }
    });
    return counts[0] == 0 ? 0 : counts[1] / (double) counts[0];
  }

  /** Sublinear TF times IDF, L2-normalised. */
  SparseVector vectorize(String text) {
    Map<Integer, Integer> counts = new HashMap<>();
    grams(text, g -> {
      Integer id = vocabulary.get(g);
      if (id != null) {
        counts.merge(id, 1, Integer::sum);
      }
    });
    int[] index = new int[counts.size()];
    float[] value = new float[counts.size()];
    int i = 0;
    double norm = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      index[i] = e.getKey();
      value[i] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
      norm += value[i] * value[i];
      i++;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < value.length; j++) {
      value[j] *= scale;
    }
    return new SparseVector(index, value);
  }

  /** Lower-cased, NFKC-normalised, digits folded to 0 so numbers do not fragment the vocabulary. */
  static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return s.replaceAll("\\p{N}", "0");
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : normalize(text).split("[^\\p{L}\\p{M}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static void grams(String text, Consumer<String> sink) {
    List<String> words = words(text);
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      sink.accept("w:" + word);
      if (w > 0) {
        sink.accept("b:" + words.get(w - 1) + ' ' + word);
      }
      String padded = ' ' + word + ' ';
      int[] cps = padded.codePoints().toArray();
      for (int n = MIN_N; n <= MAX_N; n++) {
        for (int start = 0; start + n <= cps.length; start++) {
          sink.accept(new String(cps, start, n));
        }
      }
    }
  }
}
