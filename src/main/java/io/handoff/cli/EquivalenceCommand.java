package io.handoff.cli;

import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.routing.JournalConversations;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.zendeskimport.AuditFile;
import io.handoff.zendeskimport.AuditReplay;
import io.handoff.zendeskimport.Equivalence;
import io.handoff.zendeskimport.EquivalenceReport;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.JourneyTickets;
import io.handoff.zendeskimport.ZendeskImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code equivalence}: replays recorded ticket updates (Zendesk ticket audits, or Handoff's recorded
 * events) through the support triggers of a rule directory in a dry run and reports, per ticket, the
 * fields, tags and notifications they produce next to the recorded ones. Exit 0 when everything
 * matches, 2 when something differs, 1 on bad input.
 */
@Command(name = "equivalence", mixinStandardHelpOptions = true,
    description = "Check imported rules against recorded ticket updates (Zendesk audits or Handoff journeys).")
public class EquivalenceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** Exactly one source of recorded updates. */
  static class Input {
    @Option(names = "--audits", required = true,
        description = "Zendesk ticket audits: {\"audits\": [...]} pages (one or more, e.g. one per line) or an array.")
    Path audits;

    @Option(names = "--journeys", required = true, description = "Handoff's recorded events (the dry-run JSONL).")
    Path journeys;

    @Option(names = "--journeys-db", required = true,
        description = "Past journeys from Handoff's database (jdbc:h2:file:./data/handoff with the service stopped,"
            + " or jdbc:postgresql://...), built-in helpdesk tickets.")
    String journeysDb;
  }

  @Option(names = "--db-user", description = "Database user for --journeys-db.")
  String dbUser;

  @Option(names = "--db-password", description = "Database password for --journeys-db.")
  String dbPassword;

  @Option(names = "--limit", defaultValue = "10000", description = "Most journeys read with --journeys-db (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--dir", defaultValue = "workflows", description = "Rule directory to check (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--mapping", description = "Zendesk id mapping (default: <dir>/zendesk-mapping.yaml).")
  Path mapping;

  @Option(names = "--recorded-dir", defaultValue = "workflows",
      description = "With --journeys: the rules the journeys ran with (default: ${DEFAULT-VALUE}).")
  Path recordedDir;

  @Option(names = "--business-hours", defaultValue = "open",
      description = "Treat every update as inside (open) or outside (closed) business hours.")
  String businessHours;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"open".equals(businessHours) && !"closed".equals(businessHours)) {
      err.println("--business-hours must be open or closed");
      return 1;
    }
    RuleSetLoad rules = load(dir, err);
    if (rules == null) {
      return 1;
    }
    BusinessCalendar calendar = "closed".equals(businessHours) ? (name, at) -> false : BusinessCalendar.ALWAYS_OPEN;
    // Texts render with the names and account of --dir's helpdesk.yaml, as the service would render them.
    HelpdeskDirectory names = java.nio.file.Files.isRegularFile(dir.resolve("helpdesk.yaml"))
        ? HelpdeskDirectoryLoader.load(dir.resolve("helpdesk.yaml")).value() : null;
    Equivalence check = new Equivalence(rules.ruleSet(), calendar,
        names == null ? io.handoff.support.DirectoryNames.IDS : io.handoff.support.DirectoryNames.of(names));
    EquivalenceReport report;
    try {
      if (input.audits != null) {
        IdMapping ids = IdMapping.read(mapping != null ? mapping : dir.resolve(ZendeskImporter.MAPPING_FILE));
        report = check.zendesk(AuditReplay.replay(AuditFile.read(input.audits), ids));
      } else {
        RuleSetLoad recorded = load(recordedDir, err);
        if (recorded == null) {
          return 1;
        }
        List<DryRunEvent> events = input.journeys != null ? DryRun.readEvents(input.journeys) : fromDatabase();
        report = check.journeys(events, recorded.ruleSet());
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("equivalence: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.print(json ? report.toJson() + "\n" : report.toText());
    out.flush();
    return report.allMatch() ? 0 : 2;
  }

  private List<DryRunEvent> fromDatabase() throws IOException {
    // Tickets are only read, never changed, so the helpdesk directory only has to be well-formed.
    HelpdeskDirectory directory = HelpdeskDirectory.empty();
    for (Path d : List.of(recordedDir, dir)) {
      if (java.nio.file.Files.isRegularFile(d.resolve("helpdesk.yaml"))) {
        directory = HelpdeskDirectoryLoader.load(d.resolve("helpdesk.yaml")).value();
        break;
      }
    }
    try {
      return JourneyTickets.read(JournalConversations.dataSource(input.journeysDb, dbUser, dbPassword),
          directory == null ? HelpdeskDirectory.empty() : directory, limit);
    } catch (java.sql.SQLException | IllegalArgumentException e) {
      throw new IOException("reading past journeys from " + input.journeysDb + " failed: " + e.getMessage(), e);
    }
  }

  private static RuleSetLoad load(Path directory, PrintWriter err) {
    RuleSetLoad load = RuleSetLoader.load(directory);
    load.errors().forEach(err::println);
    err.flush();
    return load.isValid() ? load : null;
  }
}
