package io.handoff.cli;

import io.handoff.privacy.JourneyPurge;
import io.handoff.routing.JournalConversations;
import io.handoff.yaml.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code purge}: deletes old closed journeys and old timeline entries from Handoff's database. */
@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Delete closed journeys last changed longer ago than --older-than (index, timeline, journal,"
        + " routing, built-in tickets, outboxes) and timeline entries older than --timeline-older-than."
        + " Open journeys are never purged. Prints the rows per table.")
public class PurgeCommand implements Callable<Integer> {
  @Option(names = "--older-than", description = "Age of closed journeys to delete, with a unit: 365d, 90d, 12h"
      + " (a --dry-run without any age counts with 365d; deleting needs an age).")
  String olderThan;

  @Option(names = "--timeline-older-than", description = "Age of timeline entries to delete from every journey.")
  String timelineOlderThan;

  @Option(names = "--dry-run", description = "Count what would be deleted; delete nothing.")
  boolean dryRun;

  @Option(names = "--db", defaultValue = "jdbc:h2:file:./data/handoff;IFEXISTS=TRUE",
      description = "Handoff's database (default: ${DEFAULT-VALUE}, the embedded default's H2, usable only while"
          + " the service is stopped; or jdbc:postgresql://...).")
  String db;

  @Option(names = "--db-user", description = "Database user.")
  String dbUser;

  @Option(names = "--db-password", description = "Database password.")
  String dbPassword;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JourneyPurge.Request request;
    try {
      // A dry run with no age counts with the default (closed journeys older than 365 days); deleting needs an
      // explicit age.
      String closedAge = dryRun && olderThan == null && timelineOlderThan == null ? DEFAULT_OLDER_THAN : olderThan;
      request = new JourneyPurge.Request(age("--older-than", closedAge), age("--timeline-older-than",
          timelineOlderThan), Instant.now(), dryRun);
    } catch (IllegalArgumentException e) {
      err.println("purge: " + e.getMessage() + " (e.g. --older-than 365d)");
      return 2;
    }
    JourneyPurge.Report report;
    try {
      report = new JourneyPurge(JournalConversations.dataSource(db, dbUser, dbPassword)).purge(request);
    } catch (RuntimeException e) {
      err.println("purge: " + e.getMessage());
      return 1;
    }
    out.print(format(report));
    out.flush();
    return 0;
  }

  /** The closed-journey age when the command names none. */
  static final String DEFAULT_OLDER_THAN = "365d";

  private static Duration age(String option, String text) {
    if (text == null) {
      return null;
    }
    if (!text.trim().matches(".*[A-Za-z]\\s*")) {
      throw new IllegalArgumentException(option + " '" + text + "' needs a unit (s, m, h or d), e.g. 365d or 12h");
    }
    Duration d = Durations.parse(text);
    if (d == null) {
      throw new IllegalArgumentException(option + " '" + text + "' is not a duration like 365d, 12h or 1d12h");
    }
    return d;
  }

  /** The report as plain text: what was purged and the rows per table. */
  static String format(JourneyPurge.Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.dryRun() ? "Dry run: nothing deleted; a purge would delete:" : "Purged:").append('\n');
    if (r.closedCutoff() != null) {
      sb.append(String.format(Locale.ROOT, "  %d closed journeys last changed before %s%n", r.journeys(),
          r.closedCutoff()));
    }
    if (r.timelineCutoff() != null) {
      sb.append("  timeline entries before ").append(r.timelineCutoff()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%-24s %10s%n", "table", "rows"));
    r.rows().forEach((t, n) -> sb.append(String.format(Locale.ROOT, "%-24s %10d%n", t, n)));
    sb.append(String.format(Locale.ROOT, "%-24s %10d%n", "total", r.total()));
    return sb.toString();
  }
}
