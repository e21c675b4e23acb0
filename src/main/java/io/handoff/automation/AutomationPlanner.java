package io.handoff.automation;

import io.handoff.sla.hours.WorkingTime;
import io.handoff.support.RuleActions;
import io.handoff.support.TicketUpdate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When is the next automation due? For each active automation that has not fired since the ticket last
 * changed: if its other conditions hold on the ticket as it is, the window in which all its time
 * conditions hold is the intersection of their windows ({@link TimeCondition#window}); it is due at
 * the first instant of that window at or after {@code facts.at()}. The earliest wins; ties go to the
 * lower position. Pure and deterministic.
 *
 * <p>The ticket's fields only change by updates, and the journey plans again after each one, so a
 * condition that fails now cannot start holding before the next plan.
 */
public final class AutomationPlanner {

  /** The next automation due and when. */
  public record Due(Instant at, String title) {}

  private AutomationPlanner() {}

  public static Optional<Due> next(AutomationSet set, AutomationFacts facts, WorkingTime business) {
    if (facts.ticket() == null || facts.ticket().status() == io.handoff.ticket.TicketStatus.CLOSED) {
      return Optional.empty();
    }
    RuleActions asIs = new RuleActions(asIs(facts), true, Map.of());
    Due best = null;
    for (Automation a : set.ordered()) {
      TimeCondition.Window window = window(a, facts, business);
      if (facts.firedFor(a, window) || asIs.firstFailure(a.conditions()) != null) {
        continue;
      }
      Instant at = window.earliestFrom(facts.at());
      if (at != null && (best == null || at.isBefore(best.at()))) {
        best = new Due(at, a.title());
      }
    }
    return Optional.ofNullable(best);
  }

  /** The instants in which all of an automation's time conditions hold. */
  static TimeCondition.Window window(Automation a, AutomationFacts facts, WorkingTime business) {
    TimeCondition.Window w = new TimeCondition.Window(null, null);
    for (TimeCondition t : a.timeConditions()) {
      w = w.intersect(t.window(facts.reference(t.field()), business));
    }
    return w;
  }

  /** The ticket as it stands, as an update with no change (what automation conditions read). */
  static TicketUpdate asIs(AutomationFacts facts) {
    return new TicketUpdate(facts.idempotencyKey(), facts.ticket(), facts.ticket(), null, AutomationEngine.ACTOR,
        facts.sessionState(), facts.sessionState(), facts.requesterFields(), Map.of(), facts.at());
  }
}
