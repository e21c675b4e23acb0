package io.handoff.journey;

import io.handoff.model.JourneyEvent;
import io.handoff.model.Stage;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Instant;

/**
 * The journey state machine. Deterministic: no I/O, no clock but {@link Workflow#currentTimeMillis()},
 * no injection; every side effect is an activity, so each step is a named entry in the history.
 *
 * <p>Time: each command is processed at its arrival time (the original one when a journey is restored
 * from the journal), and every clock that fell due before it fires first, so a restored journey
 * replays its clocks as they were and fires overdue ones once, at once.
 *
 * <p>Parts, each a plain object of this instance: {@link JourneyInbox} (commands in arrival order, ids
 * seen, results), {@link JourneyClocks} (what is due, its timer, firing it), {@link EventStep} (one
 * inbound event), {@link TicketStep} (ticket writes), {@link JourneyProjector} (search attributes,
 * details, projection to the journey index).
 */
public class CustomerJourneyWorkflowImpl implements CustomerJourneyWorkflow {
  /** Change id of issue 15's robustness (see {@link #run}). */
  static final String ROBUST = "h15a-robust";
  /**
   * Change id of issue 17's replays: a journey started with journaled commands (a replay of a past
   * conversation, a restore from the journal) started when its first one arrived, not when its workflow did.
   */
  static final String STARTED_AT_FIRST_COMMAND = "h17f-started-at-first-command";

  private final JourneySettings settings;
  private final JourneyState state;
  private final JourneyContext ctx;
  private final JourneyInbox inbox;
  private final TicketStep tickets;
  private final AutomationStep automations;
  private final EventStep events;
  private final JourneyClocks clocks;
  private final JourneyProjector projector;
  /** A run started for a journey whose follow-up window had ended: it opens a new window at its start. */
  private boolean reopening;

  @WorkflowInit
  public CustomerJourneyWorkflowImpl(JourneyInput input) {
    this.settings = input.settings() == null ? JourneySettings.DEFAULTS : input.settings();
    boolean restoredFromSnapshot = input.carried() != null && input.restores() > input.carried().restores;
    if (input.carried() != null) {
      this.state = input.carried();
      this.state.runs++;
      if (state.finished) {
        // A new run of a finished journey (JourneyInput.reopen): accepted events reopen it.
        state.finished = false;
        reopening = true;
      }
      if (restoredFromSnapshot) {
        this.state.restores = input.restores();
      }
    } else {
      this.state = JourneyState.start(input.conversationId());
      this.state.startedAt = JourneyContext.now();
      this.state.updatedAt = state.startedAt;
      this.state.restores = input.restores();
    }
    this.inbox = new JourneyInbox(state);
    // A journey restored from its journal: its entries count as seen, so a retried one is a duplicate.
    inbox.startWith(input.pending(), input.carried() == null || restoredFromSnapshot);
    this.ctx = new JourneyContext(state, settings, new JourneyStubs());
    SlaStep sla = new SlaStep(ctx);
    this.tickets = new TicketStep(ctx, sla);
    MessagingStep messaging = new MessagingStep(ctx);
    this.automations = new AutomationStep(ctx, sla, tickets);
    this.events = new EventStep(ctx, sla, tickets, messaging, new TriageStep(ctx, tickets));
    this.clocks = new JourneyClocks(ctx, sla, new ClockActions(ctx, tickets, messaging), tickets, automations);
    this.projector = new JourneyProjector(ctx, clocks);
  }

  @Override
  public void run(JourneyInput input) {
    // Journeys recorded before automations existed replay without them (no marker in their history).
    automations.enable(Workflow.getVersion("automations", Workflow.DEFAULT_VERSION, 1) >= 1);
    // Issue 15: bounded notifications, failures recorded rather than failing the journey, texts-less
    // messages, continue-as-new that never waits on a ticket command (journeys recorded before replay without).
    ctx.robust = Workflow.getVersion(ROBUST, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (input.carried() == null && input.pending() != null && !input.pending().isEmpty()
        && input.pending().get(0).restored()
        && Workflow.getVersion(STARTED_AT_FIRST_COMMAND, Workflow.DEFAULT_VERSION, 1) >= 1) {
      Instant first = input.pending().get(0).at(state.startedAt);
      if (first.isBefore(state.startedAt)) {
        state.startedAt = first;
        state.updatedAt = first;
      }
    }
    if (reopening) {
      reopen(JourneyContext.now());
    }
    projector.publish();
    while (!state.finished) {
      clocks.awaitCommandOrDue(inbox);
      JourneyCommand command = inbox.poll();
      if (command != null) {
        // Until the command is done, its steps (and the clocks due before it) may create the ticket: a ticket
        // command arriving meanwhile is accepted and checked when processed.
        inbox.processing(command.id(), () -> process(command));
      } else {
        inbox.processing(null, () -> fireDue(JourneyContext.now()));
      }
      projector.project();
      if (!state.finished && shouldContinueAsNew() && readyToContinueAsNew()) {
        Workflow.continueAsNew(new JourneyInput(state.conversationId, settings, state, inbox.remaining(),
            state.restores));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public EventAck eventReceived(JourneyEvent event) {
    if (inbox.seen(event.eventId())) {
      return new EventAck(state.journeyId, event.eventId(), true, state.stage);
    }
    inbox.remember(event.eventId());
    Instant at = event.occurredAt() != null ? event.occurredAt() : event.receivedAt() != null ? event.receivedAt()
        : JourneyContext.now();
    ctx.timeline(at, "event." + event.type().wireName(), event.text(), EventStep.trace(event));
    inbox.add(new JourneyCommand(event, null));
    return new EventAck(state.journeyId, event.eventId(), false, state.stage);
  }

  @Override
  public void validateEventReceived(JourneyEvent event) {
    if (event == null || event.eventId() == null || event.type() == null) {
      throw new IllegalArgumentException("an event needs an eventId and a type");
    }
    if (state.finished) {
      throw new IllegalStateException("journey " + state.journeyId + " is closed");
    }
  }

  @Override
  public TicketCommandResult ticketCommand(TicketCommand command) {
    return inbox.awaitResult(command);
  }

  @Override
  public void validateTicketCommand(TicketCommand command) {
    if (command == null || command.commandId() == null) {
      throw new IllegalArgumentException("a ticket command needs a commandId");
    }
    // Without a ticket yet, accept the command only when queued events may still create it (a journey
    // restored from its journal receives its entries faster than it processes them); it is checked
    // again when processed.
    boolean mayGetTicket = state.ticket == null && inbox.mayCreateTicket();
    if (!mayGetTicket && (state.ticket == null || !state.ticket.id().equals(command.ticketId()))) {
      throw new IllegalArgumentException("journey " + state.journeyId + " has no ticket " + command.ticketId());
    }
    if (state.stage == Stage.CLOSED) {
      throw new IllegalStateException("journey " + state.journeyId + " is closed");
    }
  }

  @Override
  public JourneyView getView() {
    return state.view();
  }

  /** Processes one command at its arrival time, after every clock due before it. */
  private void process(JourneyCommand command) {
    Instant at = command.at(JourneyContext.now());
    fireDue(at);
    if (command.restored() && command.event() != null && !onTimeline(command.event())) {
      JourneyEvent e = command.event();
      ctx.timeline(e.occurredAt() != null ? e.occurredAt() : at, "event." + e.type().wireName(), e.text(),
          EventStep.trace(e));
    }
    if (state.finished && ctx.robust && command.event() != null) {
      // The follow-up window ended while the event was queued: it reopens the journey.
      reopen(at);
    }
    if (!state.finished) {
      state.updatedAt = at;
      if (command.event() != null) {
        events.apply(command.event(), at);
        projector.publish();
      } else {
        applyTicketCommand(command.ticket(), at);
      }
      automations.replan(at);
    } else {
      inbox.answer(command.id(), ApplicationFailure.newNonRetryableFailure("journey is closed", "JourneyClosed"));
    }
    inbox.processed(command.id());
  }

  /** Fires every clock due at or before {@code at}, then publishes the journey's state. */
  private void fireDue(Instant at) {
    clocks.fireDue(at);
    projector.publish();
  }

  /** Applies an agent's ticket command; its result (or refusal) answers the waiting handler. */
  private void applyTicketCommand(TicketCommand t, Instant at) {
    if (state.ticket == null || !state.ticket.id().equals(t.ticketId())) {
      inbox.answer(t.commandId(), ApplicationFailure.newNonRetryableFailure(
          "journey " + state.journeyId + " has no ticket " + t.ticketId(), "TicketNotInJourney"));
      return;
    }
    try {
      inbox.answer(t.commandId(), tickets.update(t.change(), t.comment(), t.actor(), "command/" + t.commandId(), at));
    } catch (ActivityFailure f) {
      inbox.answer(t.commandId(), refusal(f));
    }
    projector.publish();
  }

  private static ApplicationFailure refusal(ActivityFailure f) {
    if (f.getCause() instanceof ApplicationFailure a) {
      return ApplicationFailure.newNonRetryableFailureWithCause(a.getOriginalMessage(), a.getType(), a);
    }
    return ApplicationFailure.newNonRetryableFailure(String.valueOf(f.getMessage()), "TicketUpdateFailed");
  }

  /**
   * Reopens a journey whose follow-up window ended: its closed ticket stays, a new follow-up window
   * starts now, so the customer's next message becomes a follow-up ticket with the same customer.
   */
  private void reopen(Instant at) {
    state.finished = false;
    state.stage = Stage.CLOSED;
    state.closedAt = at;
    ctx.timeline(at, "journey.reopened", state.ticket == null ? "no ticket yet"
        : "previous ticket #" + state.ticket.id() + "; a customer message starts a follow-up ticket", null);
  }

  private boolean shouldContinueAsNew() {
    return Workflow.getInfo().getHistoryLength() > settings.continueAsNewAfterEvents()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /**
   * Waits until the handlers are done, so a continue-as-new loses no update. With {@link #ROBUST}, a ticket
   * command's handler waits for this loop to process it: not ready while one is queued (process it first,
   * never wait on it).
   */
  private boolean readyToContinueAsNew() {
    if (!ctx.robust) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      return true;
    }
    Workflow.await(() -> Workflow.isEveryHandlerFinished() || inbox.ticketCommandWaiting());
    return !inbox.ticketCommandWaiting();
  }

  /** Whether the event's arrival is on the timeline already (a snapshot taken while it was queued). */
  private boolean onTimeline(JourneyEvent e) {
    for (TimelineEntry t : state.timeline) {
      if (t.step().startsWith("event.") && t.trace() != null && e.eventId().equals(t.trace().path("eventId").asText())) {
        return true;
      }
    }
    return false;
  }
}
