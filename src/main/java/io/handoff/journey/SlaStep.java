package io.handoff.journey;

import io.handoff.sla.clock.SlaClockFeed;
import io.handoff.sla.clock.SlaClockView;
import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.inactivity.InactivityEvent;
import io.handoff.sla.inactivity.InactivityTracker;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Feeds the journey's SLA metrics and inactivity ladder (their state lives in {@link JourneyState}): a new
 * ticket starts the SLA clocks, ticket updates move them, a customer message stops the inactivity ladder and
 * a public agent reply starts it. {@link JourneyClocks} asks what is due and fires it.
 */
final class SlaStep {
  /** Change id: a change of the ticket's schedule (set_schedule) re-resolves its SLA targets. */
  static final String TICKET_SCHEDULE_TARGETS = "h17b-ticket-schedule-targets";
  /**
   * Change id (issue 17, replays): the SLA policy filters see the ticket as updated at the journey's time for
   * the write (the command's or clock's instant), so {@code in_business_hours} and {@code within_schedule} in a
   * filter judge a replayed event at its own time, not at the helpdesk's stamp (now).
   */
  static final String FILTER_AT_COMMAND_TIME = "h17h-sla-filter-at-command-time";
  /** This run's {@link #FILTER_AT_COMMAND_TIME} version, asked once, when targets are first resolved. */
  private Integer filterAtCommandTime;

  /** Change id: inactivity reminders count from the inactive step, not from the agent reply. */
  static final String REMINDERS_AFTER_INACTIVE = "h18b-reminders-after-inactive";

  private final JourneyContext ctx;

  SlaStep(JourneyContext ctx) {
    this.ctx = ctx;
  }

  Optional<SlaClocks> clocks() {
    return ctx.state.slaClocks == null ? Optional.empty() : Optional.of(SlaClocks.restore(ctx.state.slaClocks));
  }

  Optional<InactivityTracker> inactivity() {
    return ctx.state.inactivity == null ? Optional.empty()
        : Optional.of(InactivityTracker.restore(ctx.state.inactivity));
  }

  /** The SLA targets of {@code ticket}, its policy chosen as of {@code at} (see {@link #FILTER_AT_COMMAND_TIME}). */
  io.handoff.sla.policy.SlaTargets targetsFor(Ticket ticket, Instant at) {
    if (filterAtCommandTime == null) {
      filterAtCommandTime = Workflow.getVersion(FILTER_AT_COMMAND_TIME, Workflow.DEFAULT_VERSION, 1);
    }
    return ctx.stubs.sla.targetsFor(filterAtCommandTime >= 1 ? ticket.withUpdatedAt(at) : ticket);
  }

  void started(SlaClocks clocks, Instant at) {
    save(clocks, at);
  }

  /** Feeds one ticket update to the SLA clocks; new targets when priority, group, tags or the schedule changed. */
  void ticketUpdated(Ticket before, Ticket after, TicketComment comment, Instant at) {
    Optional<SlaClocks> maybe = clocks();
    if (maybe.isEmpty()) {
      return;
    }
    SlaClocks clocks = maybe.get();
    SlaClockFeed.ticketUpdated(clocks, before, after, comment, at, t -> targetsFor(t, at),
        () -> Workflow.getVersion(TICKET_SCHEDULE_TARGETS, Workflow.DEFAULT_VERSION, 1) >= 1);
    save(clocks, at);
  }

  /** Marks SLA deadlines due at {@code now} as fired (each once) and returns their escalations. */
  List<SlaFiring> fireSla(Instant now) {
    Optional<SlaClocks> maybe = clocks();
    if (maybe.isEmpty()) {
      return List.of();
    }
    List<SlaFiring> fired = maybe.get().fire(now);
    save(maybe.get(), now);
    return fired;
  }

  List<InactivityEvent> fireInactivity(Instant now) {
    Optional<InactivityTracker> maybe = inactivity();
    if (maybe.isEmpty()) {
      return List.of();
    }
    List<InactivityEvent> fired = maybe.get().fire(now);
    ctx.state.inactivity = maybe.get().snapshot();
    ctx.state.sessionState = maybe.get().session().wireName();
    return fired;
  }

  /**
   * A customer message: the customer is active again and the ball is in the agents' court, so the
   * inactivity ladder stops until the next agent reply.
   */
  void customerMessage(Instant at) {
    if (ctx.state.inactivity != null) {
      ctx.state.inactivity = null;
      ctx.state.sessionState = "active";
    }
  }

  /**
   * A public agent reply awaits the customer's answer: the inactivity ladder starts (again) from now.
   * The policy is read once per journey (an activity) and then carried in the state.
   */
  void agentReplied(Instant at) {
    if ("ended".equals(ctx.state.sessionState)) {
      return;
    }
    if (ctx.state.inactivityPolicy == null) {
      ctx.state.inactivityPolicy = ctx.stubs.sla.inactivityPolicy();
    }
    // The first reminder used to fire with the inactive step (both counted from the agent reply); journeys
    // recorded before the fix keep that timing on replay.
    boolean afterInactive = Workflow.getVersion(REMINDERS_AFTER_INACTIVE, Workflow.DEFAULT_VERSION, 1) >= 1;
    InactivityTracker t = InactivityTracker.start(ctx.state.inactivityPolicy, at, afterInactive);
    ctx.state.inactivity = t.snapshot();
    ctx.state.sessionState = t.session().wireName();
  }

  /** Refreshes the clock views (time left is measured at {@code now}). */
  void refreshView(Instant now) {
    clocks().ifPresent(c -> save(c, now));
  }

  private void save(SlaClocks clocks, Instant now) {
    JourneyState s = ctx.state;
    s.slaClocks = clocks.snapshot();
    s.slaBreached = clocks.anyBreached();
    s.sla.clear();
    for (SlaClockView v : clocks.view(now)) {
      s.sla.put(v.metric().wireName(), v);
    }
  }
}
