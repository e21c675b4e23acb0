package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.cli.EvalCommand;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {
  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EvalCommand cmd = new EvalCommand();
    CommandLine cli = new CommandLine(cmd);
    cli.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    assertEquals(0, cli.execute(args));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void jsonOutputHasExactlyTheDocumentedFields() throws Exception {
    JsonNode r = new ObjectMapper().readTree(run("--test", "src/test/resources/eval/single.jsonl", "--json",
        "--handoff-label", "human_request"));
    assertEquals(List.of("classifier", "examples", "accuracy", "macroF1", "microF1", "handoff", "latencyMs", "perLanguage"), fields(r));
    assertEquals(List.of("precision", "recall"), fields(r.get("handoff")));
    assertEquals(List.of("p50", "p95"), fields(r.get("latencyMs")));
    assertEquals(List.of("examples", "accuracy", "macroF1", "microF1", "handoffRecall"), fields(r.get("perLanguage").get("en")));
    assertEquals("offline", r.get("classifier").asText());
    assertEquals(10, r.get("examples").asInt(), "blank lines are skipped");
    assertTrue(r.get("microF1").isNull(), "micro-F1 is for multi-label data");
    assertTrue(r.get("accuracy").asDouble() >= 0.7, r.toString());
    assertEquals(1.0, r.get("handoff").get("recall").asDouble(), "both human requests handed off");
    assertTrue(r.get("handoff").get("precision").asDouble() < 1.0, "the unsupported Turkish row is a handoff too");
    assertEquals(1.0, r.get("perLanguage").get("de").get("handoffRecall").asDouble());
    assertTrue(r.get("perLanguage").get("fr").get("handoffRecall").isNull(), "no handoff rows in French");
  }

  @Test
  void multiLabelDataIsScoredOnThePredictedSetWithReplacedExemplars() throws Exception {
    JsonNode r = new ObjectMapper().readTree(run("--test", "src/test/resources/eval/multi.jsonl",
        "--exemplars", "src/test/resources/eval/multi-exemplars.jsonl", "--handoff-label", "handoff", "--json"));
    assertEquals(4, r.get("examples").asInt());
    assertNotNull(r.get("microF1").numberValue());
    assertTrue(r.get("microF1").asDouble() > 0.6, r.toString());
    assertEquals(1.0, r.get("handoff").get("recall").asDouble(), r.toString());
  }

  @Test
  void rulesBaselineIsComparableWithoutAHandoffLabel() throws Exception {
    JsonNode r = new ObjectMapper().readTree(run("--test", "src/test/resources/eval/single.jsonl",
        "--classifier", "rules", "--json"));
    assertEquals("rules", r.get("classifier").asText());
    assertNull(r.get("handoff").get("precision").numberValue());
    assertTrue(r.get("latencyMs").get("p95").asDouble() >= r.get("latencyMs").get("p50").asDouble());
  }

  @Test
  void textOutputPrintsTablesAndConfusions() {
    String out = run("--test", "src/test/resources/eval/single.jsonl", "--handoff-label", "human_request");
    assertTrue(out.contains("accuracy"), out);
    assertTrue(out.contains("language examples"), out);
    assertTrue(out.contains("most frequent confusions"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("fr ")), out);
  }

  @Test
  void aBadLineFailsWithFileAndLineAndExitCodeOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path bad = dir.resolve("bad.jsonl");
    java.nio.file.Files.writeString(bad, "{\"text\": \"hi\", \"intent\": \"other\"}\n{\"text\": \"no label\"}\n");
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new EvalCommand());
    cli.setErr(new java.io.PrintWriter(err, true));
    assertEquals(1, cli.execute("--test", bad.toString()));
    assertTrue(err.toString().contains("bad.jsonl:2: needs \"intent\" or \"intents\""), err.toString());
  }

  @Test
  void handlesTenThousandRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path big = dir.resolve("big.jsonl");
    List<String> src = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/eval/single.jsonl"))
        .stream().filter(l -> !l.isBlank()).toList();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(src.get(i % src.size()));
    }
    java.nio.file.Files.write(big, rows);
    JsonNode r = new ObjectMapper().readTree(run("--test", big.toString(), "--json"));
    assertEquals(10_000, r.get("examples").asInt());
  }

  @Test
  void humanRequestsScoresTheDetectorAlonePerLanguage() throws Exception {
    JsonNode r = new ObjectMapper().readTree(run("--test", "src/test/resources/eval/human-requests.jsonl",
        "--human-requests", "--handoff-label", "handoff", "--json"));
    // en: 1 of 2 requests found ("I want the manager" names no talk verb or person), no false handoff.
    assertEquals(2, r.get("en").get("positives").asInt());
    assertEquals(1, r.get("en").get("detected").asInt());
    assertEquals(0.5, r.get("en").get("recall").asDouble());
    assertEquals(0, r.get("en").get("falseHandoffs").asInt());
    assertEquals(1.0, r.get("es").get("recall").asDouble());
    assertEquals(0.0, r.get("es").get("falseHandoffRate").asDouble(), "a room for one person is not a request");
    assertEquals(1.0, r.get("tr").get("recall").asDouble());
    assertEquals(3, r.get("all").get("detected").asInt());
    assertEquals(1.0, r.get("all").get("precision").asDouble());
    assertEquals("I want the manager, this is useless", r.get("en").get("missed").get(0).asText());
  }

  @Test
  void embeddingsMinilmLiftsAccuracyOnEnglishParaphrases() throws Exception {
    String[] args = {"--test", "src/test/resources/eval/paraphrase-test.jsonl", "--exemplars",
        "src/test/resources/eval/paraphrase-exemplars.jsonl", "--no-policy", "--json"};
    JsonNode builtin = new ObjectMapper().readTree(run(args));
    String[] withMinilm = java.util.Arrays.copyOf(args, args.length + 2);
    withMinilm[args.length] = "--embeddings";
    withMinilm[args.length + 1] = "minilm";
    JsonNode minilm = new ObjectMapper().readTree(run(withMinilm));
    assertTrue(minilm.get("accuracy").asDouble() > builtin.get("accuracy").asDouble(),
        "minilm " + minilm.get("accuracy") + " vs builtin " + builtin.get("accuracy"));
  }

  @Test
  void anUnknownEmbeddingsValueExitsOneNamingTheChoices() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new EvalCommand());
    cli.setErr(new java.io.PrintWriter(err, true));
    assertEquals(1, cli.execute("--test", "src/test/resources/eval/single.jsonl", "--embeddings", "bert"));
    assertTrue(err.toString().contains("unknown value \"bert\" (builtin, minilm)"), err.toString());
  }

  @Test
  void leaveOneFoldOutCountsOnlyPatternsSupportedByAnotherFold(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("human-requests.yaml"), """
        languages:
          en:
            - '\\btalk\\s+to\\b'
            - '\\bagent\\b'
        """);
    java.nio.file.Path data = dir.resolve("rows.jsonl");
    // 5 rows, 2 folds: rows 0-2 are fold 0, rows 3-4 fold 1. "talk to" matches a handoff row in both
    // folds; "agent" only in fold 0, so it does not count in fold 0 but does in fold 1.
    java.nio.file.Files.write(data, List.of(
        "{\"text\": \"Can I talk to someone please\", \"language\": \"en\", \"intents\": [\"handoff\"]}",
        "{\"text\": \"agent now\", \"language\": \"en\", \"intents\": [\"handoff\"]}",
        "{\"text\": \"Where is my parcel\", \"language\": \"en\", \"intents\": [\"delivery\"]}",
        "{\"text\": \"I need to talk to a human\", \"language\": \"en\", \"intents\": [\"handoff\"]}",
        "{\"text\": \"The agent I met was rude\", \"language\": \"en\", \"intents\": [\"complaint\"]}"));
    String[] common = {"--test", data.toString(), "--human-requests", "--handoff-label", "handoff",
        "--prompts-dir", dir.toString(), "--json"};
    JsonNode all = new ObjectMapper().readTree(run(common));
    assertEquals(3, all.get("en").get("detected").asInt());
    assertEquals(1, all.get("en").get("falseHandoffs").asInt());
    String[] lofo = java.util.Arrays.copyOf(common, common.length + 2);
    lofo[common.length] = "--folds";
    lofo[common.length + 1] = "2";
    JsonNode held = new ObjectMapper().readTree(run(lofo));
    assertEquals(3, held.get("en").get("positives").asInt());
    assertEquals(2, held.get("en").get("detected").asInt(), held.toString());
    assertEquals("agent now", held.get("en").get("missed").get(0).asText());
    assertEquals(1, held.get("en").get("falseHandoffs").asInt(), "fold 1's rude agent: 'agent' is supported by fold 0");
  }
}
