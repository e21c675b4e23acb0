package io.handoff.bench;

import io.handoff.automation.AutomationEngine;
import io.handoff.automation.AutomationFacts;
import io.handoff.automation.AutomationLoader;
import io.handoff.automation.AutomationPlanner;
import io.handoff.automation.AutomationSet;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.hours.WorkingTime;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one journey pays per ticket change for automations: planning the next one due
 * ({@code Automation.plan}) and running those due at an instant ({@code Automation.run}) over N active
 * automations (Zendesk allows 500), a seeded mix of every time field and operator, half in business
 * hours of the shipped Paris schedule. Command: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AutomationPlannerBench {
  private static final List<String> FIELDS = List.of("NEW", "OPEN", "PENDING", "HOLD", "SOLVED", "assigned_at",
      "updated_at", "requester_updated_at", "assignee_updated_at", "due_date", "until_due_date",
      "sla_next_breach_at");
  private static final List<String> OPS = List.of("is", "less_than", "greater_than");

  @Param({"500"})
  int automations;

  AutomationSet set;
  WorkingTime business;
  AutomationFacts planFacts;
  AutomationFacts runFacts;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    StringBuilder yaml = new StringBuilder("automations:\n");
    for (int i = 0; i < automations; i++) {
      String op = OPS.get(random.nextInt(OPS.size())) + (random.nextBoolean() ? "_business_hours" : "");
      yaml.append("  - title: A").append(i).append("\n    position: ").append(i).append("\n    conditions:\n")
          .append("      all:\n        - { field: ").append(FIELDS.get(random.nextInt(FIELDS.size())))
          .append(", operator: ").append(op).append(", value: ").append(1 + random.nextInt(72)).append(" }\n")
          .append("        - { field: current_tags, operator: not_includes, value: done_").append(i).append(" }\n")
          .append("    actions:\n      - { field: current_tags, value: done_").append(i).append(" }\n");
    }
    set = AutomationLoader.parse(yaml.toString(), "bench.yaml", Map.of()).orThrow();
    business = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml")).orThrow().schedule(null);
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    Ticket ticket = new Ticket("1", null, "s", "", TicketStatus.PENDING, TicketPriority.NORMAL, null, "billing",
        "ana.souza", "u-1", "Ana", "ana@example.com", null, Set.of(), Map.of("due_at", "2026-11-30T12:00:00Z"),
        List.of(), "web_widget", t0, t0);
    Map<String, Instant> statuses = Map.of("new", t0, "open", t0.plusSeconds(600), "pending", t0.plusSeconds(3600),
        "hold", t0, "solved", t0);
    planFacts = new AutomationFacts("bench", ticket, statuses, t0, t0.plusSeconds(3600), t0, t0,
        t0.plusSeconds(8 * 3600), "active", Map.of(), Set.of(), t0.plusSeconds(3600));
    Optional<AutomationPlanner.Due> due = AutomationPlanner.next(set, planFacts, business);
    Instant at = due.orElseThrow().at();
    runFacts = new AutomationFacts("bench", ticket, statuses, t0, t0.plusSeconds(3600), t0, t0,
        t0.plusSeconds(8 * 3600), "active", Map.of(), Set.of(), at);
  }

  @Benchmark
  public Optional<AutomationPlanner.Due> plan() {
    return AutomationPlanner.next(set, planFacts, business);
  }

  @Benchmark
  public AutomationEngine.Result run() {
    return AutomationEngine.run(set, runFacts, business);
  }
}
