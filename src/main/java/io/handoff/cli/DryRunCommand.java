package io.handoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunDiff;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.dryrun.DryRunReport;
import io.handoff.dryrun.DryRunResult;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.ConditionFailure;
import io.handoff.trigger.TriggerTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dry-run}: evaluates the trigger rules of a directory against recorded events (JSONL), with
 * no side effects, and prints what would happen; with {@code --against} also the outcome diff
 * between two rule sets. Exit 0 on success, 1 when rules or events are invalid.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
    description = "Evaluate trigger rules against recorded events without side effects.")
public class DryRunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--dir", defaultValue = "workflows", description = "Rule directory to evaluate (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--events", description = "JSONL file of recorded events (see docs/rules.md).")
  Path events;

  @Option(names = "--audits", description = "Zendesk ticket audits instead of --events: {\"audits\": [...]} pages,"
      + " an array, or ticket create/update responses (docs/rules.md, \"Zendesk shapes\").")
  Path audits;

  @Option(names = "--mapping", description = "With --audits: Zendesk id mapping (default: <dir>/zendesk-mapping.yaml).")
  Path mapping;

  @Option(names = "--against", description = "A second rule directory: print where its outcome differs from --dir.")
  Path against;

  @Option(names = "--trace", description = "Print every trigger considered and why it did not match.")
  boolean trace;

  @Option(names = "--json", description = "Print the report (or diff) as one JSON object.")
  boolean json;

  @Option(names = "--business-hours", defaultValue = "open",
      description = "Treat every event as inside (open) or outside (closed) business hours.")
  String businessHours;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleSetLoad base = load(dir, err);
    RuleSetLoad candidate = against == null ? null : load(against, err);
    if (base == null || (against != null && candidate == null)) {
      return 1;
    }
    if ((events == null) == (audits == null)) {
      err.println("give exactly one of --events and --audits");
      return 1;
    }
    List<DryRunEvent> recorded;
    java.nio.file.Path input = events != null ? events : audits;
    String flag = events != null ? "--events" : "--audits";
    if (!java.nio.file.Files.isRegularFile(input)) {
      err.println("dry-run: " + flag + " " + input + ": " + (java.nio.file.Files.exists(input) ? "is not a file"
          : "no such file"));
      return 1;
    }
    try {
      recorded = events != null ? DryRun.readEvents(events) : fromAudits();
    } catch (IOException | java.io.UncheckedIOException e) {
      // A line that cannot be read already names itself as file:line; a file that cannot be read does not.
      String message = String.valueOf(e.getMessage());
      err.println(message.startsWith(input.toString()) ? message : "dry-run: " + flag + " " + input + ": " + message);
      return 1;
    }
    BusinessCalendar calendar = "closed".equals(businessHours) ? (name, at) -> false : BusinessCalendar.ALWAYS_OPEN;
    // Names as the service renders them, from the rule directory's helpdesk.yaml (ids when it has none).
    var directory = io.handoff.ticket.HelpdeskDirectoryLoader.load(dir.resolve("helpdesk.yaml")).value();
    DryRun dryRun = new DryRun(calendar, directory == null ? io.handoff.support.DirectoryNames.IDS
        : io.handoff.support.DirectoryNames.of(directory));
    if (candidate != null) {
      DryRunDiff diff = dryRun.diff(base.ruleSet(), candidate.ruleSet(), recorded);
      out.println(json ? toJson(diff) : DryRunText.diff(diff, dir, against));
    } else {
      DryRunReport report = dryRun.run(base.ruleSet(), recorded);
      out.println(json ? toJson(report) : DryRunText.report(report, trace));
    }
    out.flush();
    return 0;
  }

  /** Zendesk audits, each the update a person or the API made (AuditReplay), ticket by ticket. */
  private List<DryRunEvent> fromAudits() throws IOException {
    var ids = io.handoff.zendeskimport.IdMapping.read(mapping != null ? mapping
        : dir.resolve(io.handoff.zendeskimport.ZendeskImporter.MAPPING_FILE));
    List<DryRunEvent> out = new java.util.ArrayList<>();
    for (var t : io.handoff.zendeskimport.AuditReplay.replay(io.handoff.zendeskimport.AuditFile.read(audits), ids)) {
      t.steps().forEach(s -> out.add(new DryRunEvent("ticket " + t.ticketId() + " audit " + s.id(), "support", null,
          s.update())));
    }
    return out;
  }

  private static RuleSetLoad load(Path directory, PrintWriter err) {
    RuleSetLoad load = RuleSetLoader.load(directory);
    load.problems().forEach(err::println);
    return load.isValid() ? load : null;
  }

  private static String toJson(Object value) throws IOException {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
  }

  /** Plain-text rendering of reports and diffs. */
  static final class DryRunText {

    private DryRunText() {}

    static String report(DryRunReport report, boolean withTrace) {
      StringBuilder s = new StringBuilder("rule set " + report.ruleSetVersion() + "\n");
      for (DryRunResult r : report.results()) {
        s.append("\n").append(r.id()).append(" (").append(r.kind()).append(")\n");
        if (r.outcome().isEmpty()) {
          s.append("  nothing fires\n");
        }
        r.outcome().forEach(line -> s.append("  ").append(line).append('\n'));
        if (withTrace) {
          for (TriggerTrace t : r.trace().triggers()) {
            ConditionFailure f = t.failure();
            s.append("    [pass ").append(t.pass()).append("] ").append(t.trigger()).append(": ")
                .append(t.outcome()).append(f == null ? "" : " - " + f.why()).append('\n');
          }
        }
      }
      return s.toString();
    }

    static String diff(DryRunDiff diff, Path base, Path candidate) {
      StringBuilder s = new StringBuilder(base + " (" + diff.baseVersion() + ") vs " + candidate + " ("
          + diff.candidateVersion() + "): " + diff.changed().size() + " of " + diff.events() + " events differ\n");
      for (DryRunDiff.Change c : diff.changed()) {
        s.append("\n").append(c.id()).append('\n');
        c.base().stream().filter(l -> !c.candidate().contains(l)).forEach(l -> s.append("  - ").append(l).append('\n'));
        c.candidate().stream().filter(l -> !c.base().contains(l)).forEach(l -> s.append("  + ").append(l).append('\n'));
      }
      return s.toString();
    }
  }
}
