package io.handoff.journey;

import io.handoff.intent.ConversationMessage;
import io.handoff.messaging.MessagingEvent;
import io.handoff.support.Actor;
import io.handoff.temporal.SearchAttributes;
import io.handoff.ticket.CustomerReplyEffect;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journey state machine. Deterministic: no I/O, no clock but {@link Workflow#currentTimeMillis()},
 * no injection; every side effect is an activity, so each step is a named entry in the history.
 *
 * <p>Time: each command is processed at its arrival time (the original one when a journey is restored
 * from the journal), and every clock that fell due before it fires first, so a restored journey
 * replays its clocks as they were and fires overdue ones once, at once.
 */
public class CustomerJourneyWorkflowImpl implements CustomerJourneyWorkflow {
  private static final int RECENT_IDS = 500;
  /** Processed command ids kept for a restore from a snapshot (far more than commands ever reorder by). */
  private static final int PROCESSED_IDS = 64;
  private static final int MESSAGES_KEPT = 20;

  private final JourneySettings settings;
  private final JourneyState state;
  private final JourneyContext ctx;
  private final SlaStep clocks;
  private final TicketStep tickets;
  private final MessagingStep messaging;
  private final TriageStep triage;
  private final AutomationStep automations;
  private final Deque<JourneyCommand> inbox = new ArrayDeque<>();
  private final Map<String, Object> results = new HashMap<>();
  /** True while a command is being processed (its steps may still create the ticket). */
  private boolean processing;
  /** A run started for a journey whose follow-up window had ended: it opens a new window at its start. */
  private boolean reopening;
  /** The id of the command being processed, or null. */
  private String inProgress;

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
    if (input.pending() != null) {
      inbox.addAll(input.pending());
      if (input.carried() == null || restoredFromSnapshot) {
        // A journey restored from its journal: its entries count as seen, so a retried one is a duplicate.
        input.pending().forEach(c -> remember(c.id()));
      }
    }
    this.ctx = new JourneyContext(state, settings, new JourneyStubs());
    this.clocks = new SlaStep(ctx);
    this.tickets = new TicketStep(ctx, clocks);
    this.messaging = new MessagingStep(ctx);
    this.triage = new TriageStep(ctx, tickets);
    this.automations = new AutomationStep(ctx, clocks, tickets);
  }

  @Override
  public void run(JourneyInput input) {
    // Journeys recorded before automations existed replay without them (no marker in their history).
    automations.enable(Workflow.getVersion("automations", Workflow.DEFAULT_VERSION, 1) >= 1);
    // Issue 15: bounded notifications, failures recorded rather than failing the journey, texts-less
    // messages, continue-as-new that never waits on a ticket command (journeys recorded before replay without).
    ctx.robust = Workflow.getVersion(ROBUST, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (reopening) {
      reopen(JourneyContext.now());
    }
    publish();
    while (!state.finished) {
      waitForWork();
      if (!inbox.isEmpty()) {
        JourneyCommand command = inbox.poll();
        inProgress = command.id();
        Instant at = command.at(JourneyContext.now());
        // From here until the command is done, its steps (and the clocks due before it) may create the
        // ticket: a ticket command arriving meanwhile is accepted and checked when processed.
        processing = true;
        try {
          fireDue(at);
          if (command.restored() && command.event() != null && !onTimeline(command.event())) {
            JourneyEvent e = command.event();
            ctx.timeline(e.occurredAt() != null ? e.occurredAt() : at, "event." + e.type().wireName(), e.text(),
                eventTrace(e));
          }
          if (state.finished && ctx.robust && command.event() != null) {
            // The follow-up window ended while the event was queued: it reopens the journey.
            reopen(at);
          }
          if (!state.finished) {
            process(command, at);
            automations.replan(at);
          } else {
            results.put(command.id(), ApplicationFailure.newNonRetryableFailure("journey is closed", "JourneyClosed"));
          }
          state.processed.add(command.id());
          if (state.processed.size() > PROCESSED_IDS) {
            state.processed.remove(0);
          }
        } finally {
          processing = false;
          inProgress = null;
        }
      } else {
        processing = true;
        try {
          fireDue(JourneyContext.now());
        } finally {
          processing = false;
        }
      }
      project();
      if (!state.finished && shouldContinueAsNew()) {
        if (ctx.robust) {
          // A ticket command's handler waits for this loop to process it: process it first, never wait on it.
          Workflow.await(() -> Workflow.isEveryHandlerFinished() || ticketCommandWaiting());
          if (ticketCommandWaiting()) {
            continue;
          }
        } else {
          Workflow.await(Workflow::isEveryHandlerFinished);
        }
        Workflow.continueAsNew(new JourneyInput(state.conversationId, settings, state, new ArrayList<>(inbox),
            state.restores));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  /** Change id of issue 15's robustness (see {@link #run}). */
  static final String ROBUST = "h15a-robust";

  /** Whether a command is queued or being processed in this run. */
  private boolean pending(String id) {
    if (id.equals(inProgress)) {
      return true;
    }
    for (JourneyCommand c : inbox) {
      if (c.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a queued ticket command has a handler waiting for its result. */
  private boolean ticketCommandWaiting() {
    for (JourneyCommand c : inbox) {
      if (c.ticket() != null && !c.restored()) {
        return true;
      }
    }
    return false;
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

  @Override
  public EventAck eventReceived(JourneyEvent event) {
    if (state.recentIds.contains(event.eventId())) {
      return new EventAck(state.journeyId, event.eventId(), true, state.stage);
    }
    remember(event.eventId());
    Instant at = event.occurredAt() != null ? event.occurredAt() : event.receivedAt() != null ? event.receivedAt()
        : JourneyContext.now();
    ctx.timeline(at, "event." + event.type().wireName(), event.text(), eventTrace(event));
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
    if (!state.recentIds.contains(command.commandId())) {
      remember(command.commandId());
      inbox.add(new JourneyCommand(null, command));
    }
    // A command seen by an earlier run (a retry after a continue-as-new) has no result here: it is answered
    // with the ticket as it is, rather than waiting for a result this run will never have.
    Workflow.await(() -> results.containsKey(command.commandId()) || !pending(command.commandId()));
    if (!results.containsKey(command.commandId())) {
      return new TicketCommandResult(state.ticket, null);
    }
    Object result = results.get(command.commandId());
    if (result instanceof ApplicationFailure failure) {
      throw failure;
    }
    return (TicketCommandResult) result;
  }

  @Override
  public void validateTicketCommand(TicketCommand command) {
    if (command == null || command.commandId() == null) {
      throw new IllegalArgumentException("a ticket command needs a commandId");
    }
    // Without a ticket yet, accept the command only when queued events may still create it (a journey
    // restored from its journal receives its entries faster than it processes them); it is checked
    // again when processed.
    boolean mayGetTicket = state.ticket == null && (!inbox.isEmpty() || processing);
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

  private void remember(String id) {
    state.recentIds.add(id);
    if (state.recentIds.size() > RECENT_IDS) {
      state.recentIds.remove(0);
    }
  }

  /** Waits for a command or for the next clock, whichever comes first. */
  private void waitForWork() {
    if (!inbox.isEmpty()) {
      return;
    }
    Optional<SlaStep.Due> due = clocks.next();
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

  private void process(JourneyCommand command, Instant at) {
    state.updatedAt = at;
    if (command.event() != null) {
      handleEvent(command.event(), at);
      return;
    }
    TicketCommand t = command.ticket();
    if (state.ticket == null || !state.ticket.id().equals(t.ticketId())) {
      results.put(t.commandId(), ApplicationFailure.newNonRetryableFailure(
          "journey " + state.journeyId + " has no ticket " + t.ticketId(), "TicketNotInJourney"));
      return;
    }
    try {
      results.put(t.commandId(), tickets.update(t.change(), t.comment(), t.actor(), "command/" + t.commandId(), at));
    } catch (ActivityFailure f) {
      results.put(t.commandId(), refusal(f));
    }
    publish();
  }

  private static ApplicationFailure refusal(ActivityFailure f) {
    if (f.getCause() instanceof ApplicationFailure a) {
      return ApplicationFailure.newNonRetryableFailureWithCause(a.getOriginalMessage(), a.getType(), a);
    }
    return ApplicationFailure.newNonRetryableFailure(String.valueOf(f.getMessage()), "TicketUpdateFailed");
  }

  private void handleEvent(JourneyEvent e, Instant at) {
    if (e.channel() != null && state.channel == null) {
      state.channel = e.channel();
    }
    if (e.customer() != null) {
      state.customer = e.customer();
    }
    if (e.pageUrl() != null) {
      state.pageUrl = e.pageUrl();
    }
    if (e.group() != null) {
      state.group = e.group();
    }
    String step = "event/" + e.eventId();
    if (ctx.robust) {
      try {
        apply(e, step, at);
      } catch (ActivityFailure f) {
        // A refusal (the helpdesk, a channel) must not fail the journey: record it, go on with the next event.
        ctx.timeline(at, "event.failed", e.type().wireName() + ": " + failureMessage(f),
            Map.of("eventId", e.eventId()));
      }
    } else {
      apply(e, step, at);
    }
    publish();
  }

  static String failureMessage(ActivityFailure f) {
    Throwable c = f.getCause() != null ? f.getCause() : f;
    return c instanceof ApplicationFailure a ? a.getOriginalMessage() : String.valueOf(c.getMessage());
  }

  private void apply(JourneyEvent e, String step, Instant at) {
    switch (e.type()) {
      case MESSAGE_RECEIVED, CUSTOMER_REPLIED -> customerMessage(e, step, at);
      case AGENT_REPLIED -> agentReply(e, step, at);
      case CONVERSATION_ENDED -> {
        state.sessionState = "ended";
        messaging.run(MessagingEvent.CONVERSATION_ENDED, e, step, at);
      }
      default -> messaging.run(MessagingEvent.of(e.type()), e, step, at);
    }
  }

  /** What a customer message without text (an image, a file, a location) stands for in the conversation. */
  static final String NO_TEXT = "[message without text]";

  private void customerMessage(JourneyEvent e, String step, Instant at) {
    if (ctx.robust && (e.text() == null || e.text().isBlank())) {
      e = new JourneyEvent(e.eventId(), e.conversationId(), e.type(), e.occurredAt(), e.receivedAt(), e.channel(),
          NO_TEXT, e.pageUrl(), e.customer(), e.agent(), e.group());
    }
    state.customerMessages++;
    addMessage(e.text(), ConversationMessage.Author.CUSTOMER, at);
    clocks.customerMessage(at);
    if (state.ticket == null) {
      messaging.run(MessagingEvent.MESSAGE_SENT, e, step, at);
      if (!state.userSuspended) {
        triage.run(at);
      }
    } else {
      NewComment c = new NewComment(e.text(), true, state.customer == null ? null : state.customer.id(),
          state.customer == null ? null : state.customer.name(), TicketComment.AuthorRole.END_USER);
      Actor requester = new Actor(c.authorId(), c.authorName(), TicketComment.AuthorRole.END_USER);
      if (state.ticket.status() == io.handoff.ticket.TicketStatus.CLOSED) {
        // Zendesk: a closed ticket cannot be reopened; the customer's message starts a follow-up.
        tickets.followUp(CustomerReplyEffect.followUp(state.ticket, e.text()), at);
        return;
      }
      // Zendesk: a customer reply reopens a pending, on-hold or solved ticket.
      tickets.update(CustomerReplyEffect.of(state.ticket, e.text()).change(), c, requester, step, at);
    }
  }

  private void agentReply(JourneyEvent e, String step, Instant at) {
    addMessage(e.text(), ConversationMessage.Author.AGENT, at);
    if (state.ticket == null) {
      messaging.run(MessagingEvent.MESSAGE_SENT, e, step, at);
      clocks.agentReplied(at);
      return;
    }
    if (ctx.robust && state.ticket.status() == io.handoff.ticket.TicketStatus.CLOSED) {
      // Zendesk: a closed ticket takes no comment. The reply is on the timeline; the journey goes on.
      ctx.timeline(at, "agent.reply_after_close", e.text(), Map.of("ticket", state.ticket.id(),
          "agent", e.agent() == null ? "" : String.valueOf(e.agent().id())));
      return;
    }
    Actor agent = e.agent() == null ? TicketStep.SYSTEM
        : new Actor(e.agent().id(), e.agent().name(), TicketComment.AuthorRole.AGENT);
    tickets.update(null, NewComment.publicReply(e.text(), agent.id(), agent.name()), agent, step, at);
  }

  private void addMessage(String text, ConversationMessage.Author author, Instant at) {
    state.messages.add(new ConversationMessage(text, author, at));
    if (state.messages.size() > MESSAGES_KEPT) {
      state.messages.remove(0);
    }
  }

  /** Fires, in time order, every clock due at or before {@code at}. */
  private void fireDue(Instant at) {
    for (int guard = 0; guard < 100; guard++) {
      Optional<SlaStep.Due> due = clocks.next();
      if (due.isEmpty() || due.get().at().isAfter(at) || state.finished) {
        break;
      }
      Instant when = due.get().at();
      new ClockActions(ctx, clocks, tickets, messaging).fire(when);
      automations.fireIfDue(when);
      automations.replan(when);
    }
    clocks.refreshView(at);
    publish();
  }

  /** Writes the view and the timeline entries not yet projected to the journey index. */
  private void project() {
    List<TimelineEntry> fresh = new ArrayList<>();
    for (TimelineEntry e : state.timeline) {
      if (e.seq() > state.projectedSeq) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty() && state.projectedSeq > 0) {
      return;
    }
    JourneyView view = state.view();
    JourneyView summary = view.withTimeline(List.of());
    // A restored journey numbers its timeline again from 1; its restore count keeps its projections newer.
    long version = state.restores * 1_000_000_000L + state.timelineSeq;
    // The snapshot leaves the timeline out (it is in the index): the activity's input is serialized when
    // it is scheduled, so the timeline is detached only for that instant, before any handler can run.
    state.projectedSeq = state.timelineSeq;
    List<TimelineEntry> timeline = state.timeline;
    state.timeline = new ArrayList<>();
    Promise<Void> projected;
    try {
      projected = Async.procedure(ctx.stubs.journey::project, new JourneyProjection(summary, fresh, version, state));
    } finally {
      state.timeline = timeline;
    }
    projected.get();
    int excess = state.timeline.size() - settings.timelineInState();
    if (excess > 0) {
      state.timeline.subList(0, excess).clear();
    }
  }

  private boolean shouldContinueAsNew() {
    return Workflow.getInfo().getHistoryLength() > settings.continueAsNewAfterEvents()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private void publish() {
    Optional<SlaStep.Due> due = clocks.next();
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.STAGE.valueSet(state.stage.name()),
        state.channel == null ? SearchAttributes.CHANNEL.valueUnset()
            : SearchAttributes.CHANNEL.valueSet(state.channel.wireName()),
        state.language == null ? SearchAttributes.LANGUAGE.valueUnset()
            : SearchAttributes.LANGUAGE.valueSet(state.language),
        state.ticket == null ? SearchAttributes.TICKET_ID.valueUnset()
            : SearchAttributes.TICKET_ID.valueSet(state.ticket.id()),
        state.ticket == null || state.ticket.priority() == null ? SearchAttributes.PRIORITY.valueUnset()
            : SearchAttributes.PRIORITY.valueSet(state.ticket.priority().wireName()),
        SearchAttributes.SLA_BREACHED.valueSet(state.slaBreached),
        due.isEmpty() ? SearchAttributes.SLA_NEXT_DUE.valueUnset()
            : SearchAttributes.SLA_NEXT_DUE.valueSet(due.get().at().atOffset(ZoneOffset.UTC)));
    Workflow.setCurrentDetails(details(due));
  }

  private String details(Optional<SlaStep.Due> due) {
    StringBuilder sb = new StringBuilder();
    sb.append("**Stage:** ").append(state.stage).append("  \n");
    sb.append("**Messages:** ").append(state.customerMessages).append(" in, ").append(state.messagesSent)
        .append(" out  \n");
    if (state.routing.active() != null) {
      sb.append("**Routing:** ").append(state.routing.active()).append(" acts; rules and AI ")
          .append(Boolean.TRUE.equals(state.routing.agree()) ? "agree" : "disagree").append("  \n");
    }
    if (!state.tags.isEmpty()) {
      sb.append("**Tags:** ").append(String.join(", ", state.tags)).append("  \n");
    }
    if (state.ticket != null) {
      sb.append("**Ticket:** #").append(state.ticket.id()).append(' ').append(state.ticket.status().wireName())
          .append(", ").append(state.ticket.priority() == null ? "no priority" : state.ticket.priority().wireName())
          .append(", ").append(state.ticket.group()).append("  \n");
    }
    due.ifPresent(d -> sb.append("**Next:** ").append(d.summary()).append(" at ").append(d.at()).append("  \n"));
    if (state.slaBreached) {
      sb.append("**SLA breached**  \n");
    }
    return sb.toString();
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

  private static Map<String, Object> eventTrace(JourneyEvent e) {
    Map<String, Object> m = new java.util.TreeMap<>();
    m.put("eventId", e.eventId());
    m.put("type", e.type().wireName());
    if (e.channel() != null) {
      m.put("channel", e.channel().wireName());
    }
    if (e.pageUrl() != null) {
      m.put("pageUrl", e.pageUrl());
    }
    if (e.agent() != null) {
      m.put("agent", e.agent().id());
    }
    return m;
  }
}
