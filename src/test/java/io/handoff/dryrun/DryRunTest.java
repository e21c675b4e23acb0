package io.handoff.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.cli.DryRunCommand;
import io.handoff.rules.RuleSetLoader;
import io.handoff.trigger.BusinessCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Dry runs over recorded events: report, diff between two rule sets, the CLI command. */
class DryRunTest {

  private static final Path EVENTS = Path.of("src/test/resources/rules/dry-run/events.jsonl");
  private static final Path CANDIDATE = Path.of("src/test/resources/rules/dry-run/candidate");
  private static final Path REAL = Path.of("workflows");

  @Test
  void reportsWhatEachEventWouldDo() throws IOException {
    DryRunReport report = new DryRun(BusinessCalendar.ALWAYS_OPEN)
        .run(RuleSetLoader.load(REAL).ruleSet(), DryRun.readEvents(EVENTS));
    assertEquals(4, report.results().size());
    assertEquals(List.of("fired: MSG - Welcome - business hours",
        "send_message: Hi Rita, thanks for reaching out! An agent will be with you in about 4 minutes."),
        report.results().get(0).outcome());
    assertEquals(List.of("fired: MSG - Tags - pricing keywords", "add_tags: pricing"), report.results().get(1).outcome());
    assertTrue(report.results().get(3).outcome().contains("group_id:  -> sales"));
    assertTrue(report.results().get(3).outcome().contains("priority: normal -> high"));
  }

  @Test
  void groupNamesRenderAsTheServiceRendersThem() throws IOException {
    var directory = io.handoff.ticket.HelpdeskDirectoryLoader.load(REAL.resolve("helpdesk.yaml")).value();
    DryRunReport named = new DryRun(BusinessCalendar.ALWAYS_OPEN, io.handoff.support.DirectoryNames.of(directory))
        .run(RuleSetLoader.load(REAL).ruleSet(), DryRun.readEvents(EVENTS));
    assertTrue(named.results().get(3).outcome().stream()
        .anyMatch(o -> o.startsWith("webhook sales-alerts:") && o.contains("\"group\": \"Sales\"")), named.results().get(3).outcome().toString());
    DryRunReport ids = new DryRun(BusinessCalendar.ALWAYS_OPEN)
        .run(RuleSetLoader.load(REAL).ruleSet(), DryRun.readEvents(EVENTS));
    assertTrue(ids.results().get(3).outcome().stream()
        .anyMatch(o -> o.startsWith("webhook sales-alerts:") && o.contains("\"group\": \"sales\"")), ids.results().get(3).outcome().toString());
  }

  @Test
  void diffKeepsOnlyEventsDecidedDifferently() throws IOException {
    DryRunDiff diff = new DryRun(BusinessCalendar.ALWAYS_OPEN).diff(RuleSetLoader.load(REAL).ruleSet(),
        RuleSetLoader.load(CANDIDATE).ruleSet(), DryRun.readEvents(EVENTS));
    assertEquals(4, diff.events());
    assertEquals(1, diff.changed().size());
    DryRunDiff.Change c = diff.changed().get(0);
    assertEquals("c2-ticket", c.id());
    assertTrue(c.base().contains("group_id:  -> technical"));
    assertTrue(c.candidate().contains("group_id:  -> Engineering"));
  }

  @Test
  void badLineIsReportedWithItsNumber() throws IOException {
    Path file = Files.createTempFile("events", ".jsonl");
    String ok = "{\"id\": \"a\", \"kind\": \"messaging\", \"facts\": {\"event\": \"message_sent\","
        + " \"at\": \"2026-11-24T10:00:00Z\"}}\n";
    Files.writeString(file, ok + "{oops\n");
    IOException e = assertThrows(IOException.class, () -> DryRun.readEvents(file));
    assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    Files.writeString(file, ok + ok.replace(", \"at\": \"2026-11-24T10:00:00Z\"", ""));
    e = assertThrows(IOException.class, () -> DryRun.readEvents(file));
    assertTrue(e.getMessage().startsWith(file + ":2: need kind"), e.getMessage());
  }

  private static int cli(StringWriter out, StringWriter err, String... args) {
    CommandLine cmd = new CommandLine(new DryRunCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void commandPrintsTraceAndDiff() {
    StringWriter out = new StringWriter();
    assertEquals(0, cli(out, new StringWriter(), "--dir", "workflows", "--events", EVENTS.toString(), "--trace"));
    assertTrue(out.toString().contains("c2-ticket (support)"), out.toString());
    assertTrue(out.toString().contains("SUP - Routing - pricing to Sales: NOT_MATCHED - all: current_tags includes pricing failed"),
        out.toString());
    StringWriter diff = new StringWriter();
    assertEquals(0, cli(diff, new StringWriter(), "--events", EVENTS.toString(), "--against", CANDIDATE.toString()));
    assertTrue(diff.toString().contains("1 of 4 events differ"), diff.toString());
    assertTrue(diff.toString().contains("  + group_id:  -> Engineering"), diff.toString());
  }

  @Test
  void commandFailsWithEveryRuleError() {
    StringWriter err = new StringWriter();
    assertEquals(1, cli(new StringWriter(), err, "--dir", "src/test/resources/rules/invalid/unknown-operator",
        "--events", EVENTS.toString()));
    assertTrue(err.toString().contains("support-triggers.yaml:5: rule \"SUP - Test - one\": unknown operator \"around\""));
  }
}
