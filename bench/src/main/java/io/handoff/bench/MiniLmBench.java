package io.handoff.bench;

import io.handoff.intent.eval.EvalReport;
import io.handoff.intent.eval.EvalRunner;
import io.handoff.intent.eval.LabeledExample;
import io.handoff.intent.eval.LabeledFile;
import io.handoff.intent.offline.MiniLmEncoder;
import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.intent.offline.SentenceEncoder;
import io.handoff.intent.taxonomy.Exemplar;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuning and language checks of the MiniLM option (a benchmark, not a test; excluded from surefire):
 * scores the offline classifier with the sentence vector at several weights (0 = builtin, no encoder)
 * on one split, with the embeddings cached in a file so that each sentence is embedded once.
 * Usage, after {@code ./mvnw -o -Pbench test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.handoff.bench.MiniLmBench
 * EXEMPLARS.jsonl TEST.jsonl LANGUAGES WEIGHTS CACHE} e.g. {@code b77-tune-shot.jsonl b77-tune-test.jsonl en 0,1,2,3 /tmp/eval/minilm.cache}.
 * LANGUAGES (comma-separated) are the languages the encoder is used for; anything but {@code en} measures
 * what the English-only model does to another language (docs/ai-eval.md).
 */
public final class MiniLmBench {

  /** MiniLM with a persistent text-to-vector cache. */
  static final class CachedEncoder implements SentenceEncoder {
    private final SentenceEncoder model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final Path file;

    CachedEncoder(SentenceEncoder model, Path file) throws IOException {
      this.model = model;
      this.file = file;
      if (Files.exists(file)) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            String text = in.readUTF();
            float[] v = new float[in.readInt()];
            for (int j = 0; j < v.length; j++) {
              v[j] = in.readFloat();
            }
            cache.put(text, v);
          }
        }
      }
    }

    void save() throws IOException {
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
        out.writeInt(cache.size());
        for (var e : cache.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float f : e.getValue()) {
            out.writeFloat(f);
          }
        }
      }
    }

    @Override
    public String name() {
      return model.name();
    }

    @Override
    public Set<String> languages() {
      return model.languages();
    }

    @Override
    public int dimension() {
      return model.dimension();
    }

    @Override
    public float[] embed(String text) {
      return cache.computeIfAbsent(text, model::embed).clone();
    }
  }

  public static void main(String[] args) throws Exception {
    List<Exemplar> exemplars = LabeledFile.readExemplars(Path.of(args[0]));
    List<LabeledExample> test = LabeledFile.read(Path.of(args[1]));
    Set<String> languages = Set.of(args[2].split(","));
    double[] weights = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
    Taxonomy taxonomy = TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml")).orThrow()
        .withExemplars(exemplars, "bench");
    CachedEncoder encoder = new CachedEncoder(new MiniLmEncoder(languages), Path.of(args[4]));
    long t0 = System.nanoTime();
    exemplars.stream().parallel().forEach(e -> encoder.embed(e.text()));
    test.stream().parallel().forEach(e -> encoder.embed(e.text()));
    System.out.printf(Locale.ROOT, "embedded (or read from the cache) %d rows in %.1f s%n",
        exemplars.size() + test.size(), (System.nanoTime() - t0) / 1e9);
    encoder.save();
    for (double w : weights) {
      OfflineIntentClassifier c = w == 0 ? new OfflineIntentClassifier(taxonomy)
          : new OfflineIntentClassifier(taxonomy, encoder, w);
      EvalReport r = new EvalRunner(c, null, null).run(test, i -> { });
      StringBuilder per = new StringBuilder();
      r.perLanguage().forEach((l, s) -> per.append(String.format(Locale.ROOT, " %s:%d acc %.3f microF1 %s", l,
          s.examples(), s.accuracy(), s.microF1() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.microF1()))));
      System.out.printf(Locale.ROOT, "weight %.2f  accuracy %.3f  macro-F1 %.3f  micro-F1 %s |%s%n", w, r.accuracy(),
          r.macroF1(), r.microF1() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.microF1()), per);
    }
  }

  private MiniLmBench() {}
}
