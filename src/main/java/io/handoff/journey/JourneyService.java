package io.handoff.journey;

import io.handoff.config.HandoffConfig;
import io.handoff.persistence.Journal;
import io.handoff.persistence.JourneyIndex;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Delivers events to journeys and reads journey views. The one place that starts journey workflows. */
@ApplicationScoped
public class JourneyService {
  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(JourneyService.class);
  /** Journal kind of an inbound conversation event. */
  public static final String JOURNAL_EVENT = "event";
  /** Journal kind of an agent action on a ticket. */
  public static final String JOURNAL_TICKET = "ticket";

  /**
   * A ticket command the journey refused; {@code field} names what was wrong, {@code errors} every
   * refused field when the helpdesk named them (empty otherwise).
   */
  public static class CommandRefused extends RuntimeException {
    private final String field;
    private final transient List<io.handoff.ticket.FieldError> errors;

    CommandRefused(String field, String message, List<io.handoff.ticket.FieldError> errors) {
      super(message);
      this.field = errors.isEmpty() ? field : errors.get(0).field();
      this.errors = List.copyOf(errors);
    }

    public String field() {
      return field;
    }

    public List<io.handoff.ticket.FieldError> errors() {
      return errors;
    }
  }

  @Inject WorkflowClient client;
  @Inject HandoffConfig config;
  @Inject JourneyIndex index;
  @Inject Journal journal;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;
  @Inject io.handoff.ticket.HelpdeskConfig helpdesk;
  @Inject io.handoff.config.RoutingConfig routing;
  @Inject io.handoff.metrics.HandoffMetrics metrics;

  /** The settings new journeys run with, from configuration. */
  JourneySettings settings() {
    return new JourneySettings(config.journey().continueAsNewAfterEvents(), config.journey().timelineInState(),
        helpdesk.autoCloseAfter(), new io.handoff.routing.RoutingAssignment(routing.active(), routing.channels(),
            routing.aiPercent().orElse(-1)), config.journey().followUpWindow());
  }

  /**
   * Delivers an event as an update of its journey's workflow: the first event of a conversation starts
   * the journey, later ones (even concurrent first ones) join the running workflow, because the start's
   * conflict policy is USE_EXISTING. Returns once the update is accepted and recorded in the workflow's history.
   */
  public EventAck deliver(JourneyEvent event) {
    List<io.handoff.ticket.FieldError> problems = EventLimits.problems(event);
    if (!problems.isEmpty()) {
      metrics.eventRejected(event.type() == null ? "unknown" : event.type().wireName(), "invalid");
      throw new InvalidEvent(problems);
    }
    String journeyId = JourneyIds.journeyId(event.conversationId());
    if (!EventLimits.opensJourney(event.type()) && !journal.exists(journeyId) && index.find(journeyId).isEmpty()) {
      metrics.eventRejected(event.type().wireName(), "refused");
      throw new NotStarted(event.conversationId(), event.type());
    }
    journal.append(journeyId, event.eventId(), JOURNAL_EVENT, toJson(event), event.receivedAt());
    try {
      EventAck ack = send(event, 0);
      metrics.eventAccepted(event.type().wireName(), ack.duplicate());
      return ack;
    } catch (io.temporal.client.WorkflowUpdateException e) {
      metrics.eventRejected(event.type().wireName(), "refused");
      throw e;
    }
  }


  /**
   * Re-creates a journey from its journal: one workflow start whose input carries the entries (the first
   * {@code handoff.restore.batch}) as pending commands, processed in order at their original times; any further
   * entries follow as updates, queued behind them. Nothing is journaled again. Returns whether the
   * journey started from its snapshot.
   */
  boolean restore(String journeyId, List<Journal.Entry> entries, int restores) {
    Optional<JourneyState> snapshot = index.snapshot(journeyId, config.journey().timelineInState());
    if (snapshot.isPresent()) {
      entries = notYetProcessed(entries, snapshot.get().processed);
      // The count in the index may have missed a restore of a journey not yet projected then.
      restores = Math.max(restores, snapshot.get().restores + 1);
    }
    List<JourneyCommand> pending = new java.util.ArrayList<>();
    String conversationId = null;
    Channel channel = null;
    int i = 0;
    for (; i < entries.size() && i < Math.max(1, config.restore().batch()); i++) {
      Journal.Entry entry = entries.get(i);
      if (JOURNAL_EVENT.equals(entry.kind())) {
        JourneyEvent event = fromJson(entry.payload(), JourneyEvent.class);
        if (conversationId == null) {
          conversationId = event.conversationId();
          channel = event.channel();
        }
        pending.add(new JourneyCommand(event, null, true));
      } else if (JOURNAL_TICKET.equals(entry.kind())) {
        pending.add(new JourneyCommand(null, fromJson(entry.payload(), TicketCommand.class), true));
      } else {
        throw new IllegalStateException("unknown journal entry kind " + entry.kind() + " in " + journeyId);
      }
    }
    if (snapshot.isPresent()) {
      conversationId = snapshot.get().conversationId;
      channel = snapshot.get().channel;
    } else if (conversationId == null) {
      throw new IllegalStateException("the journal of " + journeyId + " starts without a conversation event");
    }
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class,
        options(conversationId, channel));
    WorkflowClient.start(stub::run,
        new JourneyInput(conversationId, settings(), snapshot.orElse(null), pending, restores));
    for (; i < entries.size(); i++) {
      redeliver(journeyId, entries.get(i), restores);
    }
    return snapshot.isPresent();
  }

  /**
   * The journal entries a snapshot does not include: those after the oldest of its last processed
   * commands that it did not process (entries of one journey are processed in journal order, except
   * that concurrent requests may swap places; the snapshot keeps far more ids than they ever do).
   */
  static List<Journal.Entry> notYetProcessed(List<Journal.Entry> entries, List<String> processed) {
    if (processed == null || processed.isEmpty()) {
      return entries;
    }
    java.util.Set<String> done = new java.util.HashSet<>(processed);
    int from = entries.size();
    for (int i = 0; i < entries.size(); i++) {
      if (done.contains(entries.get(i).entryId())) {
        from = i;
        break;
      }
    }
    if (from == entries.size()) {
      // None of the processed ids is journaled (the journal was purged past them): nothing to resume.
      return List.of();
    }
    return entries.subList(from, entries.size()).stream().filter(e -> !done.contains(e.entryId())).toList();
  }

  /** Re-delivers a journaled entry to a journey being restored (it is not journaled again). */
  void redeliver(String journeyId, Journal.Entry entry, int restores) {
    if (JOURNAL_EVENT.equals(entry.kind())) {
      send(fromJson(entry.payload(), JourneyEvent.class), restores);
    } else if (JOURNAL_TICKET.equals(entry.kind())) {
      try {
        update(journeyId, fromJson(entry.payload(), TicketCommand.class));
      } catch (CommandRefused e) {
        // Refused before the restart too, or the restored journey disagrees with the one that accepted it:
        // log it, the journey's state is what its workflow says.
        LOG.warnf("Restoring %s: the journaled ticket command %s was refused: %s (%s)", journeyId, entry.entryId(),
            e.getMessage(), e.field());
      }
    } else {
      throw new IllegalStateException("unknown journal entry kind " + entry.kind() + " in " + journeyId);
    }
  }

  private <T> T fromJson(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends an event to its journey as an update whose id is the event id (so a retried event is
   * answered once). A journey that is not running (never started, or its workflow completed) is started
   * first, with the conflict policy USE_EXISTING, so concurrent first events share one workflow.
   * Update-with-start would do both in one call, but Temporal's Java test server answers a retried
   * update-with-start with an internal error (it dedupes the start by request id and never applies the
   * update) and has been seen to strand the journey's workflow task around it; a start and an update
   * are two calls that every server handles the same way.
   */
  private EventAck send(JourneyEvent event, int restores) {
    String journeyId = JourneyIds.journeyId(event.conversationId());
    try {
      return update(journeyId, event);
    } catch (WorkflowNotFoundException e) {
      // Not running: start it below.
    } catch (WorkflowServiceException e) {
      if (grpcCode(e) != io.grpc.Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class,
        options(event.conversationId(), event.channel()));
    JourneySettings settings = settings();
    WorkflowClient.start(stub::run, restores == 0 ? JourneyInput.start(event.conversationId(), settings)
        : JourneyInput.restore(event.conversationId(), settings, restores));
    return update(journeyId, event);
  }

  private EventAck update(String journeyId, JourneyEvent event) {
    return client.newUntypedWorkflowStub(journeyId).startUpdate(UpdateOptions.<EventAck>newBuilder()
        .setUpdateName("eventReceived")
        .setUpdateId(event.eventId())
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .setResultClass(EventAck.class)
        .build(), event).getResult();
  }

  /** Options of a journey's workflow: id, task queue, USE_EXISTING, summary and the first search attribute. */
  private WorkflowOptions options(String conversationId, Channel channel) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(JourneyIds.journeyId(conversationId))
        .setTaskQueue(config.temporal().taskQueue())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary("Customer journey " + conversationId)
        .setStaticDetails("Conversation `" + conversationId + "` on "
            + (channel == null ? "an unknown channel" : channel.wireName())
            + ". Stages: MESSAGING → AI_TRIAGE → TICKETED → SOLVED → CLOSED.")
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(io.handoff.temporal.SearchAttributes.STAGE, Stage.MESSAGING.name())
            .build())
        .build();
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The journey that owns a ticket, from the journey index. */
  public Optional<String> journeyOfTicket(String ticketId) {
    return index.journeyOfTicket(ticketId);
  }

  /**
   * Journals an agent action and applies it to the journey as an update; returns the ticket after the
   * support triggers. Throws {@link CommandRefused} when the journey or the helpdesk refuses it.
   */
  public TicketCommandResult command(String journeyId, TicketCommand command) {
    journal.append(journeyId, command.commandId(), JOURNAL_TICKET, toJson(command), command.receivedAt());
    return update(journeyId, command);
  }

  private TicketCommandResult update(String journeyId, TicketCommand command) {
    io.temporal.client.WorkflowStub stub = client.newUntypedWorkflowStub(journeyId);
    try {
      return stub.startUpdate(UpdateOptions.<TicketCommandResult>newBuilder()
          .setUpdateName("ticketCommand")
          .setUpdateId(command.commandId())
          .setWaitForStage(WorkflowUpdateStage.COMPLETED)
          .setResultClass(TicketCommandResult.class)
          .build(), command).getResult();
    } catch (io.temporal.client.WorkflowUpdateException e) {
      Throwable cause = e.getCause();
      String message = cause instanceof io.temporal.failure.ApplicationFailure a ? a.getOriginalMessage()
          : String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
      throw new CommandRefused("ticket", message, fieldErrors(cause));
    }
  }

  /** The fields a helpdesk refusal (failure type TicketRefused, details: the field errors) names. */
  private static List<io.handoff.ticket.FieldError> fieldErrors(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof io.temporal.failure.ApplicationFailure a && "TicketRefused".equals(a.getType())
          && a.getDetails().getSize() > 0) {
        try {
          return List.of(a.getDetails().get(0, io.handoff.ticket.FieldError[].class));
        } catch (RuntimeException e) {
          return List.of();
        }
      }
    }
    return List.of();
  }

  /**
   * A journey view and where it came from: {@code live} from the workflow's query, or else the last
   * projection in the journey index (the workflow is gone, or it did not answer in time).
   */
  public record Read(JourneyView view, boolean live) {}

  /** The live view from the workflow, or the last projected one when the workflow is gone or does not answer. */
  public Optional<JourneyView> view(String journeyId) {
    return read(journeyId).map(Read::view);
  }

  /**
   * The live view from the workflow; the last projected one when the workflow is gone, or when it does
   * not answer within {@code handoff.temporal.query-timeout} (no worker polling, or a worker too busy):
   * the index then serves what the journey last recorded rather than a 5xx. A journey the index does
   * not know either is a {@link JourneyUnavailable}.
   */
  public Optional<Read> read(String journeyId) {
    try {
      CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, journeyId);
      return Optional.of(new Read(withinQueryTimeout(stub::getView), true));
    } catch (WorkflowNotFoundException e) {
      return index.find(journeyId).map(v -> new Read(v, false));
    } catch (WorkflowServiceException e) {
      io.grpc.Status.Code code = grpcCode(e);
      if (code == io.grpc.Status.Code.NOT_FOUND) {
        return index.find(journeyId).map(v -> new Read(v, false));
      }
      if (code == io.grpc.Status.Code.DEADLINE_EXCEEDED || code == io.grpc.Status.Code.UNAVAILABLE) {
        LOG.warnf("Journey %s did not answer its view query (%s): serving its last projection", journeyId, code);
        return Optional.of(index.find(journeyId).map(v -> new Read(v, false))
            .orElseThrow(() -> new JourneyUnavailable(journeyId, code.name())));
      }
      throw e;
    }
  }

  /**
   * Runs a workflow query under a gRPC deadline of {@code handoff.temporal.query-timeout}: the client's
   * own retries of a query that times out would otherwise go on for up to a minute.
   */
  private <T> T withinQueryTimeout(java.util.function.Supplier<T> query) {
    io.grpc.Context.CancellableContext ctx = io.grpc.Context.current().withDeadlineAfter(
        config.temporal().queryTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, DEADLINES);
    try {
      return ctx.call(query::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      ctx.cancel(null);
    }
  }

  private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "handoff-query-deadlines");
        t.setDaemon(true);
        return t;
      });

  /** The gRPC status code behind a service call's failure, or null when it has none. */
  private static io.grpc.Status.Code grpcCode(WorkflowServiceException e) {
    return e.getCause() instanceof io.grpc.StatusRuntimeException s ? s.getStatus().getCode() : null;
  }

  /** An event that breaks a limit of {@link EventLimits}; nothing was journaled or delivered. */
  public static final class InvalidEvent extends RuntimeException {
    private final transient List<io.handoff.ticket.FieldError> errors;

    public InvalidEvent(List<io.handoff.ticket.FieldError> errors) {
      super(errors.get(0).toString());
      this.errors = List.copyOf(errors);
    }

    public List<io.handoff.ticket.FieldError> errors() {
      return errors;
    }
  }

  /**
   * An event that cannot open a journey (anything but conversation.started and message.received) for a
   * conversation Handoff never saw: refused, no journey is started.
   */
  public static final class NotStarted extends RuntimeException {
    public NotStarted(String conversationId, EventType type) {
      super(type.wireName() + " for conversation " + conversationId + ", which never started: a journey starts with"
          + " conversation.started or message.received");
    }
  }

  /** A journey whose workflow does not answer and that has no projection yet. */
  public static final class JourneyUnavailable extends RuntimeException {
    public JourneyUnavailable(String journeyId, String reason) {
      super("journey " + journeyId + " does not answer (" + reason + ") and has no projection yet; try again");
    }
  }
}
