package io.handoff.cli;

import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.sla.SlaDryRun;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SupportFilterMatcher;
import io.handoff.support.TicketUpdate;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.AuditFile;
import io.handoff.zendeskimport.AuditReplay;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.ZendeskImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sla-dry-run}: replays timestamped ticket updates (Handoff's dry-run JSONL, or Zendesk ticket
 * audits) through a directory's SLA policies and business hours and prints, per ticket and metric,
 * every due, paused, fulfilled, warning and breach instant ({@link SlaDryRun}). Exit 0, 1 on bad input.
 */
@Command(name = "sla-dry-run", mixinStandardHelpOptions = true,
    description = "Print every SLA clock's due, paused, fulfilled, warning and breach instants for recorded ticket updates.")
public class SlaDryRunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static class Input {
    @Option(names = "--events", required = true, description = "Handoff's dry-run JSONL (support lines; docs/rules.md).")
    Path events;

    @Option(names = "--audits", required = true, description = "Zendesk ticket audits (as for equivalence).")
    Path audits;
  }

  @Option(names = "--dir", defaultValue = "workflows",
      description = "Directory with sla-policies.yaml and business-hours.yaml (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--mapping", description = "With --audits: Zendesk id mapping (default: <dir>/zendesk-mapping.yaml).")
  Path mapping;

  @Option(names = "--until", description = "Project the clocks up to this instant (ISO-8601); default: until every"
      + " pending warning and breach has fired.")
  String until;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Instant end = until == null ? null : Instant.parse(until);
      Loaded<BusinessHours> hours = BusinessHoursLoader.load(dir.resolve("business-hours.yaml"));
      Loaded<SlaPolicies> policies = hours.value() == null ? null
          : SlaPolicyLoader.load(dir.resolve("sla-policies.yaml"), hours.value());
      List<RuleFileError> problems = new ArrayList<>(hours.errors());
      if (policies != null) {
        problems.addAll(policies.errors());
      }
      if (policies == null || policies.value() == null) {
        problems.forEach(err::println);
        err.flush();
        return 1;
      }
      List<SlaDryRun.Update> updates = input.events != null ? fromEvents(input.events) : fromAudits(input.audits);
      SlaDryRun.Report report = new SlaDryRun(policies.value(), new SupportFilterMatcher(hours.value()))
          .run(updates, end);
      out.println(json ? report.toJson() : report.toText());
      out.flush();
      return 0;
    } catch (DateTimeParseException e) {
      err.println("--until: \"" + until + "\" is not an ISO-8601 instant (2026-11-24T10:00:00Z)");
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("sla-dry-run: " + e.getMessage());
    }
    err.flush();
    return 1;
  }

  /** Support lines of the dry-run JSONL; each needs its time ({@code update.at}, else {@code after.updatedAt}). */
  static List<SlaDryRun.Update> fromEvents(Path file) throws IOException {
    List<SlaDryRun.Update> out = new ArrayList<>();
    for (DryRunEvent e : DryRun.readEvents(file)) {
      if (!"support".equals(e.kind())) {
        continue;
      }
      TicketUpdate u = e.update();
      Instant at = u.at() != null ? u.at() : u.after().updatedAt();
      if (at == null) {
        throw new IOException(file + ": event \"" + e.id() + "\": update.at is missing (or after.updatedAt)");
      }
      String ticket = u.after().id() != null ? u.after().id() : u.idempotencyKey();
      if (ticket == null) {
        throw new IOException(file + ": event \"" + e.id() + "\": update.after.id is missing");
      }
      out.add(new SlaDryRun.Update(e.id(), ticket, at, u.before(), u.after(), u.comment()));
    }
    return out;
  }

  /** Zendesk audits, ticket by ticket ({@link AuditReplay#slaUpdates}). */
  List<SlaDryRun.Update> fromAudits(Path file) throws IOException {
    IdMapping ids = IdMapping.read(mapping != null ? mapping : dir.resolve(ZendeskImporter.MAPPING_FILE));
    return AuditReplay.slaUpdates(AuditReplay.replay(AuditFile.read(file), ids));
  }
}
