package io.handoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.routing.ComparisonReport;
import io.handoff.routing.ComparisonRow;
import io.handoff.routing.SimulatedConversation;
import io.handoff.routing.Simulation;
import io.handoff.routing.SimulationReport;
import io.handoff.trigger.BusinessCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: replays recorded conversations through both routers with the current rule and
 * prompt directories and, optionally, candidate ones, with no side effects, and prints how outcomes
 * would change. Exit 0 on success, 1 when the files or the conversations are invalid.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Replay recorded conversations (JSONL) through the rules and AI routers, current vs candidate.")
public class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--conversations",
      description = "JSONL: {conversationId, channel, customer, messages, pageUrl?, startedAt?, finalGroup?} per line.")
  Path conversations;

  @Option(names = "--journeys-db",
      description = "Replay past journeys from Handoff's database instead (JDBC URL: jdbc:h2:file:./data/handoff with"
          + " the service stopped, or jdbc:postgresql://...).")
  String journeysDb;

  @Option(names = "--db-user", description = "Database user for --journeys-db.")
  String dbUser;

  @Option(names = "--db-password", description = "Database password for --journeys-db.")
  String dbPassword;

  @Option(names = "--limit", defaultValue = "10000", description = "Most past journeys to replay (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--workflows", defaultValue = "workflows", description = "Current rule directory (default: ${DEFAULT-VALUE}).")
  Path workflows;

  @Option(names = "--prompts", defaultValue = "prompts", description = "Current prompt directory (default: ${DEFAULT-VALUE}).")
  Path prompts;

  @Option(names = "--candidate-workflows", description = "Candidate rule directory (default: --workflows).")
  Path candidateWorkflows;

  @Option(names = "--candidate-prompts", description = "Candidate prompt directory (default: --prompts).")
  Path candidatePrompts;

  @Option(names = "--business-hours", defaultValue = "open",
      description = "Treat every message as inside (open) or outside (closed) business hours.")
  String businessHours;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  private List<SimulatedConversation> readJournal() throws IOException {
    try {
      return io.handoff.routing.JournalConversations.read(
          io.handoff.routing.JournalConversations.dataSource(journeysDb, dbUser, dbPassword), limit);
    } catch (java.sql.SQLException | IllegalArgumentException e) {
      throw new IOException("reading past journeys from " + journeysDb + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"open".equals(businessHours) && !"closed".equals(businessHours)) {
      err.println("--business-hours must be open or closed");
      return 1;
    }
    List<SimulatedConversation> recorded;
    Simulation.Setup current;
    Simulation.Setup candidate = null;
    try {
      if ((conversations == null) == (journeysDb == null)) {
        err.println("give exactly one of --conversations FILE or --journeys-db JDBC_URL");
        return 1;
      }
      recorded = conversations != null
          ? SimulatedConversation.read(Files.readAllLines(conversations), conversations.toString())
          : readJournal();
      current = Simulation.Setup.load(workflows, prompts);
      if (candidateWorkflows != null || candidatePrompts != null) {
        candidate = Simulation.Setup.load(candidateWorkflows != null ? candidateWorkflows : workflows,
            candidatePrompts != null ? candidatePrompts : prompts);
      }
    } catch (IOException e) {
      err.println(e.getMessage());
      return 1;
    } catch (Simulation.InvalidSetupException e) {
      e.errors().forEach(err::println);
      err.println(e.getMessage());
      return 1;
    }
    BusinessCalendar calendar = "closed".equals(businessHours) ? (name, at) -> false : BusinessCalendar.ALWAYS_OPEN;
    SimulationReport report = new Simulation(calendar).run(recorded, current, candidate);
    out.print(json ? toJson(report) + "\n" : text(report));
    out.flush();
    return 0;
  }

  private static String toJson(SimulationReport report) throws IOException {
    return new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(report);
  }

  /** The report as text: figures per setup, then one line per conversation (changes marked). */
  static String text(SimulationReport r) {
    StringBuilder s = new StringBuilder();
    s.append(r.conversations()).append(" conversation(s)\n");
    side(s, "current", r.current());
    if (r.candidate() != null) {
      side(s, "candidate", r.candidate());
      s.append(r.changed()).append(" of ").append(r.conversations()).append(" conversation(s) change\n");
    }
    s.append('\n');
    for (SimulationReport.Result res : r.results()) {
      if (r.candidate() != null && !res.changed()) {
        continue;
      }
      s.append(res.conversationId()).append(res.finalGroup() == null ? "" : " (final " + res.finalGroup() + ")")
          .append('\n');
      outcome(s, r.candidate() == null ? "  " : "  - ", res.current());
      if (res.candidate() != null) {
        outcome(s, "  + ", res.candidate());
      }
    }
    return s.toString();
  }

  private static void side(StringBuilder s, String name, SimulationReport.Side side) {
    ComparisonReport c = side.report();
    s.append(String.format(Locale.ROOT, "%-9s %s + %s (rules %s): agreement %s, accuracy rules %s, ai %s,"
        + " handoff rules %s, ai %s%n", name, side.workflows(), side.prompts(), side.ruleSetVersion(),
        pct(c.agreement()), pct(c.routers().get("rules").accuracy()), pct(c.routers().get("ai").accuracy()),
        pct(c.routers().get("rules").handoffRate()), pct(c.routers().get("ai").handoffRate())));
  }

  private static void outcome(StringBuilder s, String prefix, SimulationReport.Outcome o) {
    s.append(prefix).append("rules ").append(decision(o.rules())).append(" | ai ").append(decision(o.ai()))
        .append(o.agree() ? " | agree" : " | disagree").append(" | tags ").append(String.join(" ", o.tags()))
        .append('\n');
    if (o.aiReply() != null) {
      s.append(prefix).append("ai says: ").append(o.aiReply()).append('\n');
    }
  }

  private static String decision(ComparisonRow.Decision d) {
    return d.intent() + " -> " + d.group() + " (" + d.handoff() + ")";
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
