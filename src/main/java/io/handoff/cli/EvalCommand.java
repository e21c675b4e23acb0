package io.handoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.intent.ClassifierFactory;
import io.handoff.intent.IntentClassifier;
import io.handoff.intent.eval.EvalReport;
import io.handoff.intent.eval.EvalRunner;
import io.handoff.intent.eval.LabeledExample;
import io.handoff.intent.eval.LabeledFile;
import io.handoff.intent.policy.HandoffPolicy;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.intent.policy.HumanRequestDetector;
import io.handoff.intent.policy.HumanRequestsLoader;
import io.handoff.intent.eval.HumanRequestEval;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: scores a classifier on labelled JSONL (formats in docs/ai-eval.md, "The eval command").
 * Plain Java: it builds the classifier from the files and the {@code HANDOFF_AI_*} environment, with no CDI container.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate an intent classifier on labelled JSONL ({\"text\",\"language\",\"intent\"} or \"intents\": [...]).")
public final class EvalCommand implements Callable<Integer> {
  @Option(names = "--test", required = true, description = "Labelled JSONL to evaluate on (repeatable: the files are "
      + "read in order, as one set).")
  List<Path> tests;

  @Option(names = "--exemplars", description = "Labelled JSONL that replaces the taxonomy's exemplars.")
  Path exemplars;

  @Option(names = "--classifier", defaultValue = "offline", description = "offline | llm | rules (default: ${DEFAULT-VALUE}).")
  String classifier;

  @Option(names = "--embeddings", defaultValue = "${env:HANDOFF_AI_OFFLINE_EMBEDDINGS:-builtin}",
      description = "Offline classifier features: builtin (lexical, every language) or minilm (English messages also by "
          + "the bundled MiniLM sentence embedding), like handoff.ai.offline.embeddings (default: ${DEFAULT-VALUE}).")
  String embeddings;

  @Option(names = "--handoff-label", description = "Label that means 'hand off to a human'; enables handoff precision/recall.")
  String handoffLabel;

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(names = "--prompts-dir", defaultValue = "prompts", description = "Taxonomy and prompt templates (default: ${DEFAULT-VALUE}).")
  Path promptsDir;

  @Option(names = "--workflows-dir", defaultValue = "workflows", description = "Routing rules and handoff policy (default: ${DEFAULT-VALUE}).")
  Path workflowsDir;

  @Option(names = "--no-policy", description = "Score the classifier's own handoff decision, without workflows/handoff-policy.yaml.")
  boolean noPolicy;

  @Option(names = "--human-requests", description = "Score only the human-request detector of "
      + "<prompts-dir>/human-requests.yaml against --handoff-label (recall, precision, false-handoff rate per language); "
      + "no classifier is built.")
  boolean humanRequests;

  @Option(names = "--folds", description = "With --human-requests: cut each --test file into this many consecutive "
      + "folds (Multi3NLU++ files are folds 0-9 in order) and score each fold with only the patterns that match a "
      + "handoff row of some other fold (leave one fold out).")
  Integer folds;

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    try {
      return evaluate();
    } catch (IllegalArgumentException | java.io.IOException e) {
      // Bad input files: every message already names file:line, so no stack trace.
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
  }

  private int evaluate() throws java.io.IOException {
    List<List<LabeledExample>> files = new java.util.ArrayList<>();
    for (Path t : tests) {
      files.add(LabeledFile.read(t));
    }
    List<LabeledExample> examples = files.stream().flatMap(List::stream).toList();
    if (humanRequests) {
      return evaluateHumanRequests(examples, files);
    }
    if (folds != null) {
      err.println("--folds is for --human-requests only");
      err.flush();
      return 2;
    }
    IntentClassifier c = new ClassifierFactory(promptsDir, workflowsDir, ClassifierFactory.settingsFromEnv(), embeddings)
        .create(classifier, exemplars == null ? null : LabeledFile.readExemplars(exemplars));
    HandoffPolicy policy = null;
    Path policyFile = workflowsDir.resolve("handoff-policy.yaml");
    if (!noPolicy && Files.exists(policyFile)) {
      // The shipped policy applies the human-request patterns first; replies are not required here
      // (labelled data names its own intents), so every intent stays answerable.
      policy = HandoffPolicyLoader.load(policyFile).orThrow()
          .withPrompts(HumanRequestsLoader.load(promptsDir).orThrow(), null);
    }
    EvalReport report = new EvalRunner(c, policy, handoffLabel).run(examples, progressBar(examples.size()));
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(report));
    } else {
      printTables(report);
    }
    out.flush();
    return 0;
  }

  private int evaluateHumanRequests(List<LabeledExample> examples, List<List<LabeledExample>> files)
      throws java.io.IOException {
    if (handoffLabel == null) {
      err.println("--human-requests needs --handoff-label (the label of the rows that ask for a human)");
      err.flush();
      return 2;
    }
    if (folds != null && folds < 2) {
      err.println("--folds must be at least 2, got " + folds);
      err.flush();
      return 2;
    }
    HumanRequestDetector detector = HumanRequestsLoader.load(promptsDir).orThrow();
    Map<String, HumanRequestEval.Scores> scores = folds == null
        ? HumanRequestEval.run(detector, examples, handoffLabel)
        : HumanRequestEval.leaveOneFoldOut(detector, files, folds, handoffLabel);
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(scores));
    } else {
      out.printf("human-request detector  %s (%d patterns)%s%n%n", promptsDir.resolve(HumanRequestsLoader.FILE),
          detector.patterns().size(), folds == null ? ""
              : ", leave one of " + folds + " folds out: each fold scored with the patterns that match a "
                  + handoffLabel + " row of another fold");
      out.printf("%-8s %9s %8s %9s %9s %10s %19s%n", "language", "positives", "found", "recall", "negatives",
          "precision", "false-handoff-rate");
      scores.forEach((lang, s) -> out.printf("%-8s %9d %8d %9s %9d %10s %19s%n", lang, s.positives(), s.detected(),
          fmt(s.recall()), s.negatives(), fmt(s.precision()), fmt(s.falseHandoffRate())));
      scores.forEach((lang, s) -> s.missed().forEach(m -> out.println("missed " + lang + ": " + m)));
      scores.forEach((lang, s) -> s.flagged().forEach(m -> out.println("false handoff " + lang + ": " + m)));
    }
    out.flush();
    return 0;
  }

  /** A progress bar on stderr, only when a person is watching a terminal. */
  private IntConsumer progressBar(int total) {
    if (System.console() == null) {
      return i -> { };
    }
    return i -> {
      if (i % 50 == 0 || i == total) {
        int width = 40;
        int filled = (int) ((long) width * i / Math.max(1, total));
        err.printf("\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), i, total);
        err.flush();
        if (i == total) {
          err.println();
        }
      }
    };
  }

  private void printTables(EvalReport r) {
    out.printf("classifier  %s%nexamples    %d%naccuracy    %s%nmacro-F1    %s%nmicro-F1    %s%n",
        r.classifier(), r.examples(), fmt(r.accuracy()), fmt(r.macroF1()), fmt(r.microF1()));
    out.printf("handoff     precision %s  recall %s%n", fmt(r.handoff().precision()), fmt(r.handoff().recall()));
    out.printf("latency ms  p50 %s  p95 %s%n%n", fmt(r.latencyMs().p50()), fmt(r.latencyMs().p95()));
    out.printf("%-8s %8s %9s %9s %9s %14s%n", "language", "examples", "accuracy", "macro-F1", "micro-F1", "handoff-recall");
    for (Map.Entry<String, EvalReport.LanguageScores> e : r.perLanguage().entrySet()) {
      EvalReport.LanguageScores s = e.getValue();
      out.printf("%-8s %8d %9s %9s %9s %14s%n", e.getKey(), s.examples(), fmt(s.accuracy()), fmt(s.macroF1()),
          fmt(s.microF1()), fmt(s.handoffRecall()));
    }
    out.println();
    out.println("most frequent confusions (count  gold -> predicted | missed/spurious label):");
    r.confusions().forEach(c -> out.println("  " + c));
  }

  private static String fmt(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
