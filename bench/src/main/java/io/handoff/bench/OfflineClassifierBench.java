package io.handoff.bench;

import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.eval.LabeledExample;
import io.handoff.intent.eval.LabeledFile;
import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput, latency and heap of the offline classifier (a benchmark, not a test; excluded from
 * surefire). Usage, from the repository root after {@code ./mvnw -o -Pbench test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.handoff.bench.OfflineClassifierBench TEST.jsonl [EXEMPLARS.jsonl|-] [THREADS] [builtin|minilm]}
 * Without exemplars the shipped taxonomy is used. {@code minilm} adds the MiniLM sentence embedding for
 * English ({@code handoff.ai.offline.embeddings}); its model load is part of the start-up figure, and
 * since ONNX keeps its tensors outside the Java heap the resident set size is printed too.
 */
public final class OfflineClassifierBench {
  private static final int WARMUP_ROUNDS = 3;
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    List<LabeledExample> test = LabeledFile.read(Path.of(args[0]));
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Runtime rt = Runtime.getRuntime();
    boolean minilm = args.length > 3 && args[3].equals("minilm");
    long heapBefore = usedHeap(rt);
    long rssBefore = rssKb();
    long t0 = System.nanoTime();
    Taxonomy taxonomy = TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml")).orThrow();
    if (args.length > 1 && !args[1].equals("-")) {
      taxonomy = taxonomy.withExemplars(LabeledFile.readExemplars(Path.of(args[1])), "bench");
    }
    OfflineIntentClassifier c = new OfflineIntentClassifier(taxonomy,
        minilm ? new io.handoff.intent.offline.MiniLmEncoder() : null);
    c.classify(ClassificationRequest.ofText("w", "warm up"));
    double startupMs = (System.nanoTime() - t0) / 1e6;
    long heapAfter = usedHeap(rt);
    long rssAfter = rssKb();
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      runAll(c, test, threads);
    }
    Map<String, List<Double>> byLanguage = new TreeMap<>();
    long start = System.nanoTime();
    int messages = 0;
    for (int i = 0; i < ROUNDS; i++) {
      List<double[]> lat = runAll(c, test, threads);
      for (int j = 0; j < test.size(); j++) {
        byLanguage.computeIfAbsent(String.valueOf(test.get(j).language()), k -> new ArrayList<>()).add(lat.get(j)[0]);
      }
      messages += test.size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "embeddings %s, exemplars %d, start-up (load + train + language model) %.0f ms, "
        + "extra heap after start %d MB, extra resident set %d MB%n", minilm ? "minilm" : "builtin",
        taxonomy.exemplars().size(), startupMs, (heapAfter - heapBefore) >> 20, (rssAfter - rssBefore) >> 10);
    System.out.printf(Locale.ROOT, "threads %d, %d messages in %.2f s = %.0f messages/s%n", threads, messages, seconds, messages / seconds);
    byLanguage.forEach((lang, l) -> {
      double[] a = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "  %s  n=%d  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms%n", lang, a.length,
          pct(a, 50), pct(a, 95), pct(a, 99));
    });
  }

  private static List<double[]> runAll(OfflineIntentClassifier c, List<LabeledExample> test, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (LabeledExample e : test) {
        futures.add(pool.submit(() -> {
          long s = System.nanoTime();
          c.classify(ClassificationRequest.ofText("b", e.text()));
          return new double[] {(System.nanoTime() - s) / 1e6};
        }));
      }
      List<double[]> out = new ArrayList<>();
      for (Future<double[]> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  private static long usedHeap(Runtime rt) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Resident set size of this process (Linux), or 0 where /proc is not there. */
  private static long rssKb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return 0;
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }

  private OfflineClassifierBench() {}
}
