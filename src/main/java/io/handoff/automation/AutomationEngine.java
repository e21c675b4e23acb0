package io.handoff.automation;

import io.handoff.sla.hours.WorkingTime;
import io.handoff.support.Actor;
import io.handoff.support.RuleActions;
import io.handoff.support.SupportDecision;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.ConditionFailure;
import io.handoff.trigger.EvaluationTrace;
import io.handoff.trigger.TriggerTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the automations due at one instant, as Zendesk's hourly run does for one ticket: active
 * automations in position order, each checked against the ticket as the earlier ones left it (its
 * time conditions too: an automation that changed the status restarts that status's hours), each
 * firing at most once. Actions use the support triggers' action path ({@link RuleActions}); comments
 * and notifications carry keys derived from {@link AutomationFacts#idempotencyKey()}. No side effects.
 */
public final class AutomationEngine {
  /** Who makes automation updates (Zendesk: via "rule", current user the system). */
  public static final Actor ACTOR = new Actor("automation", "Automation", TicketComment.AuthorRole.SYSTEM);

  private AutomationEngine() {}

  /** What the automations due at {@code facts.at()} decided. */
  public record Result(List<String> fired, SupportDecision decision) {
    public Result {
      fired = List.copyOf(fired);
    }
  }

  public static Result run(AutomationSet set, AutomationFacts facts, WorkingTime business) {
    return run(set, facts, business, io.handoff.support.DirectoryNames.IDS);
  }

  /** As {@link #run(AutomationSet, AutomationFacts, WorkingTime)}, rendering group and agent names. */
  public static Result run(AutomationSet set, AutomationFacts facts, WorkingTime business,
      io.handoff.support.DirectoryNames names) {
    return run(set, facts, business, names, io.handoff.trigger.DynamicContent.NONE);
  }

  /** As above, rendering {@code {{dc.name}}} with the rule directory's dynamic content. */
  public static Result run(AutomationSet set, AutomationFacts facts, WorkingTime business,
      io.handoff.support.DirectoryNames names, io.handoff.trigger.DynamicContent content) {
    Instant at = facts.at();
    RuleActions run = new RuleActions(AutomationPlanner.asIs(facts), true, set.webhooks(), content)
        .withNames(names);
    Map<String, Instant> statuses = new HashMap<>(facts.statusEnteredAt());
    AutomationFacts now = facts;
    List<String> fired = new ArrayList<>();
    List<TriggerTrace> traces = new ArrayList<>();
    for (Automation a : set.ordered()) {
      if (now.firedFor(a, AutomationPlanner.window(a, now, business))) {
        traces.add(new TriggerTrace(a.title(), 1, TriggerTrace.Outcome.SKIPPED_ALREADY_RAN, null, null));
        continue;
      }
      ConditionFailure failure = timeFailure(a, now, business);
      if (failure == null) {
        failure = run.firstFailure(a.conditions());
      }
      if (failure != null) {
        traces.add(new TriggerTrace(a.title(), 1, TriggerTrace.Outcome.NOT_MATCHED, failure, null));
        continue;
      }
      Ticket before = run.ticket();
      List<ActionTrace> actions = run.apply(a.title(), a.conditions(), a.actions());
      traces.add(new TriggerTrace(a.title(), 1, TriggerTrace.Outcome.FIRED, null, actions));
      fired.add(a.title());
      now = afterFiring(now, before, run.ticket(), statuses, at);
    }
    EvaluationTrace trace = new EvaluationTrace("automations", set.version(), 1, traces, null);
    return new Result(fired, run.decision(trace));
  }

  /** The first time condition that does not hold at {@code facts.at()}, or null. */
  private static ConditionFailure timeFailure(Automation a, AutomationFacts facts, WorkingTime business) {
    for (TimeCondition t : a.timeConditions()) {
      Instant ref = facts.reference(t.field());
      if (!t.window(ref, business).contains(facts.at())) {
        return new ConditionFailure("all", t.describe(), t.hoursAt(ref, facts.at(), business), null, t.line());
      }
    }
    return null;
  }

  /** The instants the next automations count from, after one fired at {@code at}. */
  private static AutomationFacts afterFiring(AutomationFacts f, Ticket before, Ticket after,
      Map<String, Instant> statuses, Instant at) {
    if (before.status() != after.status()) {
      statuses.put(after.status().wireName(), at);
    }
    Instant assigned = after.assignee() != null && !Objects.equals(before.assignee(), after.assignee()) ? at
        : f.assignedAt();
    return new AutomationFacts(f.idempotencyKey(), after, statuses, assigned, at, f.requesterUpdatedAt(),
        f.assigneeUpdatedAt(), f.nextSlaBreachAt(), f.sessionState(), f.requesterFields(), f.alreadyFired(), at,
        f.lastFired());
  }
}
