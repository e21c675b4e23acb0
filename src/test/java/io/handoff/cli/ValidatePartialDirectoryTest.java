package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} on a directory holding only some rule files (an import's output): messages, never a stack trace. */
class ValidatePartialDirectoryTest {

  private static final Path SEED = Path.of("src/test/resources/zendesk-import/seed");

  record Run(int code, String out, String err) {}

  static Run validate(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      String[] all = new String[args.length + 1];
      all[0] = "validate";
      System.arraycopy(args, 0, all, 1, args.length);
      int code = HandoffCli.run(all);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void aDirectoryWithoutBusinessHoursGivesFileLineMessagesNotAStackTrace(@TempDir Path dir) throws IOException {
    Files.copy(Path.of("workflows/support-triggers.yaml"), dir.resolve("support-triggers.yaml"));
    Run r = validate("--dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err()).contains(dir.resolve("business-hours.yaml") + ":0: file not found")
        .contains(dir.resolve("inactivity.yaml") + ":0: file not found");
    List<String> lines = Arrays.stream(r.err().split("\\R")).filter(l -> !l.isBlank()).toList();
    assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.matches("\\S+:\\d+: .*"), "file:line: message");
  }

  @Test
  void withBaseTheMissingFilesComeFromTheBaseDirectory(@TempDir Path dir) throws IOException {
    Files.copy(Path.of("workflows/support-triggers.yaml"), dir.resolve("support-triggers.yaml"));
    Run r = validate("--dir", dir.toString(), "--base", "workflows");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid: " + dir + " over workflows");
  }

  @Test
  void withBaseAnErrorNamesTheFileOfTheDirectoryThatHoldsIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("support-triggers.yaml"), Files.readString(Path.of("workflows/support-triggers.yaml"))
        .replace("value: sales }", "value: salez }"));
    Run r = validate("--dir", dir.toString(), "--base", "workflows");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(dir.resolve("support-triggers.yaml").toString())
        + ":\\d+: group 'salez' is not defined in helpdesk.yaml");
  }

  @Test
  void anImportsOutputValidatesOverTheRulesInService(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Path mapping = dir.resolve("map.yaml");
    Files.copy(SEED.resolve("zendesk-mapping.yaml"), mapping);
    assertThat(HandoffCli.run("import-zendesk", "--triggers", SEED.resolve("triggers.json").toString(),
        "--categories", SEED.resolve("trigger_categories.json").toString(),
        "--slas", SEED.resolve("sla_policies.json").toString(), "--webhooks", SEED.resolve("webhooks.json").toString(),
        "--out", out.toString(), "--mapping", mapping.toString())).isZero();
    Run alone = validate("--dir", out.toString());
    assertThat(alone.code()).isEqualTo(1);
    assertThat(alone.err()).contains(out.resolve("business-hours.yaml") + ":0: file not found").doesNotContain("Exception");
    Run over = validate("--dir", out.toString(), "--base", "workflows");
    // Only the import's own files can be wrong now (the seed's SLA filter "includes null" is a known limit).
    assertThat(over.err()).doesNotContain("file not found").doesNotContain("Exception");
    Arrays.stream(over.err().split("\\R")).filter(l -> l.matches("\\S+:\\d+: .*"))
        .forEach(l -> assertThat(l).startsWith(out.toString()));
    Files.delete(out.resolve("sla-policies.yaml"));
    Run triggersOnly = validate("--dir", out.toString(), "--base", "workflows");
    assertThat(triggersOnly.code()).as(triggersOnly.err()).isZero();
  }

  @Test
  void everyRuleTheCorpusImportWritesPassesValidateOverTheRulesInService(@TempDir Path dir) {
    Path corpus = Path.of("src/test/resources/zendesk-import/corpus");
    Path out = dir.resolve("out");
    // Exit 2: the corpus holds rules that are not imported on purpose; what is written must load.
    assertThat(HandoffCli.run("import-zendesk", "--triggers", corpus.resolve("triggers.json").toString(),
        "--categories", corpus.resolve("trigger_categories.json").toString(),
        "--webhooks", corpus.resolve("webhooks.json").toString(),
        "--automations", corpus.resolve("automations.json").toString(),
        "--mapping", corpus.resolve("zendesk-mapping.yaml").toString(), "--out", out.toString())).isEqualTo(2);
    Run over = validate("--dir", out.toString(), "--base", "workflows");
    assertThat(over.code()).as(over.err()).isZero();
    assertThat(over.err()).doesNotContain("is not defined in helpdesk.yaml");
  }

  @Test
  void aMissingBaseDirectoryIsReported(@TempDir Path dir) {
    Run r = validate("--dir", dir.toString(), "--base", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(dir.resolve("nope") + ":0: base rule directory not found");
  }
}
