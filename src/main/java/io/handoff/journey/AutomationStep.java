package io.handoff.journey;

import io.handoff.automation.AutomationEngine;
import io.handoff.automation.AutomationFacts;
import io.handoff.automation.AutomationPlanner;
import io.handoff.sla.clock.SlaDeadline;
import io.handoff.support.Actor;
import io.handoff.support.TicketEffect;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Zendesk's automations as one durable timer per journey. After every change to the ticket the next
 * automation due is planned (an activity: the rules live in files) and kept in the state, where
 * {@link JourneyClocks#next()} sees it like any other clock; when it falls due the automations due then run
 * (an activity), their changes are saved through {@link TicketStep#update} (so the support triggers run
 * on the automation's update, as in Zendesk) and their comments and notifications are sent, each
 * keyed by the run. An automation fires at most once until the ticket changes otherwise, and one with
 * an {@code is} hours condition at most once in its window.
 */
final class AutomationStep {
  static final String TIMER_PREFIX = "Automation ";

  private final JourneyContext ctx;
  private final SlaStep clocks;
  private final TicketStep tickets;
  /** False on journeys recorded before automations existed: they replay unchanged. */
  private boolean enabled;

  AutomationStep(JourneyContext ctx, SlaStep clocks, TicketStep tickets) {
    this.ctx = ctx;
    this.clocks = clocks;
    this.tickets = tickets;
  }

  void enable(boolean on) {
    this.enabled = on;
  }

  /** Records what automation time conditions count from; called on every ticket write. */
  static void track(JourneyState s, Ticket before, Ticket after, Actor actor, Instant at) {
    if (before == null) {
      // A new ticket (also a follow-up of a closed one): nothing of an earlier ticket counts.
      s.statusEnteredAt.clear();
      s.assignedAt = null;
      s.requesterUpdatedAt = null;
      s.assigneeUpdatedAt = null;
      s.automationsFired.clear();
      s.automationsLastFiredAt.clear();
    }
    if (before == null || before.status() != after.status()) {
      s.statusEnteredAt.put(after.status().wireName(), at);
    }
    if (after.assignee() != null && (before == null || !Objects.equals(before.assignee(), after.assignee()))) {
      s.assignedAt = at;
    }
    s.ticketUpdatedAt = at;
    if (actor != null && actor.role() == TicketComment.AuthorRole.END_USER) {
      s.requesterUpdatedAt = at;
    }
    if (actor != null && actor.role() == TicketComment.AuthorRole.AGENT && actor.id() != null
        && (actor.id().equals(after.assignee()) || before != null && actor.id().equals(before.assignee()))) {
      s.assigneeUpdatedAt = at;
    }
    if (actor == null || !AutomationEngine.ACTOR.id().equals(actor.id())) {
      s.ticketRevision++;
    }
  }

  /** Plans the next automation due at or after {@code at}; clears it when there is no open ticket. */
  void replan(Instant at) {
    if (!enabled) {
      return;
    }
    JourneyState s = ctx.state;
    s.automationDueAt = null;
    s.automationDue = null;
    if (s.ticket == null || s.ticket.status() == TicketStatus.CLOSED || s.finished) {
      return;
    }
    AutomationPlanner.Due due = ctx.stubs.automations.plan(facts(at, ctx.key("automation/plan")));
    s.automationDueAt = due.at();
    s.automationDue = due.title();
  }

  /** Runs the automations due at {@code at}, if the planned one is due by then. */
  void fireIfDue(Instant at) {
    JourneyState s = ctx.state;
    if (!enabled || s.automationDueAt == null || s.automationDueAt.isAfter(at) || s.ticket == null) {
      return;
    }
    s.automationDueAt = null;
    s.automationDue = null;
    s.automationRuns++;
    String step = "automation/" + s.automationRuns;
    AutomationEngine.Result r = ctx.stubs.automations.run(facts(at, ctx.key(step)));
    ctx.timeline(at, "automations", r.fired().isEmpty() ? "none fired" : "fired: " + String.join(", ", r.fired()),
        r.decision().trace());
    if (r.fired().isEmpty()) {
      return;
    }
    long revision = s.ticketRevision;
    r.fired().forEach(title -> {
      s.automationsFired.put(title, revision);
      s.automationsLastFiredAt.put(title, at);
    });
    Ticket before = s.ticket;
    tickets.update(TicketStep.diff(before, r.decision().ticket()), null, AutomationEngine.ACTOR, step, at);
    for (TicketEffect e : r.decision().effects()) {
      tickets.send(before.id(), e, AutomationEngine.ACTOR, Map.of("automation", e.trigger()), true, at);
    }
  }

  private AutomationFacts facts(Instant at, String key) {
    JourneyState s = ctx.state;
    Instant nextBreach = clocks.clocks().flatMap(c -> c.pendingDeadlines().stream()
        .filter(d -> d.kind() == SlaDeadline.Kind.BREACH).map(SlaDeadline::at).min(Instant::compareTo))
        .orElse(null);
    Set<String> fired = s.automationsFired.entrySet().stream().filter(e -> e.getValue() == s.ticketRevision)
        .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
    return new AutomationFacts(key, s.ticket, s.statusEnteredAt, s.assignedAt, s.ticketUpdatedAt,
        s.requesterUpdatedAt, s.assigneeUpdatedAt, nextBreach, s.sessionState, TicketStep.requesterFields(s), fired,
        at, s.automationsLastFiredAt);
  }
}
