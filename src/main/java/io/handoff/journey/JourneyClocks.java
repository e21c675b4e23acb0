package io.handoff.journey;

import io.handoff.model.Stage;
import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.clock.SlaDeadline;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.inactivity.InactivityEvent;
import io.handoff.sla.inactivity.InactivityTracker;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketStatus;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of a journey's time: what is due next (an SLA deadline, an inactivity step, the planned
 * automation, the close of a solved ticket, the end of the follow-up window), the durable timer that waits
 * for it, and firing what fell due, in time order. The clocks' state lives in {@link JourneyState} ({@link
 * SlaStep} feeds it); what a fired SLA or inactivity clock does is {@link ClockActions}. Owned by one workflow
 * instance: deterministic, no I/O but activities and timers.
 */
final class JourneyClocks {
  /** The next thing due and the timer summary that names it. */
  record Due(Instant at, String summary) {}

  /** At most this many clocks fire before one command (a guard against a clock that never moves on). */
  private static final int MAX_FIRINGS = 100;

  private final JourneyContext ctx;
  private final SlaStep sla;
  private final ClockActions actions;
  private final TicketStep tickets;
  private final AutomationStep automations;

  JourneyClocks(JourneyContext ctx, SlaStep sla, ClockActions actions, TicketStep tickets,
      AutomationStep automations) {
    this.ctx = ctx;
    this.sla = sla;
    this.actions = actions;
    this.tickets = tickets;
    this.automations = automations;
  }

  /** The earliest of the next SLA deadline, the next inactivity step, the next automation and the close time. */
  Optional<Due> next() {
    Due best = null;
    Optional<SlaDeadline> d = sla.clocks().flatMap(SlaClocks::nextDeadline);
    if (d.isPresent()) {
      best = new Due(d.get().at(), d.get().timerSummary());
    }
    Optional<InactivityEvent> i = sla.inactivity().flatMap(InactivityTracker::nextDeadline);
    if (i.isPresent() && (best == null || i.get().at().isBefore(best.at()))) {
      best = new Due(i.get().at(), i.get().timerSummary());
    }
    Instant automation = ctx.state.automationDueAt;
    if (automation != null && (best == null || automation.isBefore(best.at()))) {
      best = new Due(automation, AutomationStep.TIMER_PREFIX + ctx.state.automationDue);
    }
    Instant close = ctx.state.closeAt;
    if (close != null && (best == null || close.isBefore(best.at()))) {
      best = new Due(close, "Close solved ticket");
    }
    if (ctx.state.stage == Stage.CLOSED && ctx.state.closedAt != null) {
      Instant end = ctx.state.closedAt.plus(ctx.settings.followUpWindow());
      if (best == null || end.isBefore(best.at())) {
        best = new Due(end, "Follow-up window ends");
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Waits for a command or for the next clock, whichever comes first: a durable timer named by the clock,
   * cancelled when a command arrives first.
   */
  void awaitCommandOrDue(JourneyInbox inbox) {
    if (!inbox.isEmpty()) {
      return;
    }
    Optional<Due> due = next();
    if (due.isEmpty()) {
      Workflow.await(() -> !inbox.isEmpty());
      return;
    }
    Duration wait = Duration.between(JourneyContext.now(), due.get().at());
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    List<Promise<Void>> timer = new ArrayList<>(1);
    CancellationScope scope = Workflow.newCancellationScope(() -> timer.add(
        Workflow.newTimer(wait, TimerOptions.newBuilder().setSummary(due.get().summary()).build())));
    scope.run();
    Workflow.await(() -> !inbox.isEmpty() || timer.get(0).isCompleted());
    if (!timer.get(0).isCompleted()) {
      scope.cancel();
    }
  }

  /**
   * Fires, in time order, every clock due at or before {@code at} (each with the automations due then, and
   * the next automation planned), then measures the SLA clocks' time left at {@code at}.
   */
  void fireDue(Instant at) {
    for (int guard = 0; guard < MAX_FIRINGS; guard++) {
      Optional<Due> due = next();
      if (due.isEmpty() || due.get().at().isAfter(at) || ctx.state.finished) {
        break;
      }
      Instant when = due.get().at();
      fire(when);
      automations.fireIfDue(when);
      automations.replan(when);
    }
    sla.refreshView(at);
  }

  /**
   * Fires the SLA and inactivity clocks due at {@code at}, then ends the follow-up window of a closed journey
   * or closes the solved ticket when their time has come. Every side effect is keyed by its clock, so it
   * happens once.
   */
  private void fire(Instant at) {
    for (SlaFiring f : sla.fireSla(at)) {
      actions.sla(f, at);
    }
    for (InactivityEvent e : sla.fireInactivity(at)) {
      actions.inactivity(e, at);
    }
    if (ctx.state.stage == Stage.CLOSED && ctx.state.closedAt != null
        && !ctx.state.closedAt.plus(ctx.settings.followUpWindow()).isAfter(at)) {
      ctx.state.finished = true;
      ctx.timeline(at, "journey.finished", "follow-up window ended", null);
      return;
    }
    if (ctx.state.closeAt != null && !ctx.state.closeAt.isAfter(at)) {
      ctx.state.closeAt = null;
      if (ctx.state.ticket != null && ctx.state.ticket.status() == TicketStatus.SOLVED) {
        tickets.update(TicketChange.status(TicketStatus.CLOSED), null, TicketStep.SYSTEM, "close", at);
      } else {
        ctx.enterStage(Stage.CLOSED, at, "closed");
      }
    }
  }
}
