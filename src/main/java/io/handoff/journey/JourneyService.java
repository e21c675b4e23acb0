package io.handoff.journey;

import io.handoff.config.HandoffConfig;
import io.handoff.model.Channel;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.model.Stage;
import io.handoff.persistence.Journal;
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
    private final transient List<io.handoff.problem.FieldError> errors;

    CommandRefused(String field, String message, List<io.handoff.problem.FieldError> errors) {
      super(message);
      this.field = errors.isEmpty() ? field : errors.get(0).field();
      this.errors = List.copyOf(errors);
    }

    public String field() {
      return field;
    }

    public List<io.handoff.problem.FieldError> errors() {
      return errors;
    }
  }

  private final WorkflowClient client;
  private final HandoffConfig config;
  private final ProjectionStore index;
  private final Journal journal;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final io.handoff.ticket.HelpdeskConfig helpdesk;
  private final io.handoff.config.RoutingConfig routing;
  private final io.handoff.metrics.HandoffMetrics metrics;
  private final io.handoff.temporal.TemporalRuntime runtime;

  @Inject
  public JourneyService(WorkflowClient client, HandoffConfig config, ProjectionStore index, Journal journal,
      com.fasterxml.jackson.databind.ObjectMapper json, io.handoff.ticket.HelpdeskConfig helpdesk,
      io.handoff.config.RoutingConfig routing, io.handoff.metrics.HandoffMetrics metrics,
      io.handoff.temporal.TemporalRuntime runtime) {
    this.client = client;
    this.config = config;
    this.index = index;
    this.journal = journal;
    this.json = json;
    this.helpdesk = helpdesk;
    this.routing = routing;
    this.metrics = metrics;
    this.runtime = runtime;
  }

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
    List<io.handoff.problem.FieldError> problems = EventLimits.problems(event);
    if (!problems.isEmpty()) {
      metrics.eventRejected(event.type() == null ? "unknown" : event.type().wireName(), "invalid");
      throw new InvalidEvent(problems);
    }
    String journeyId = JourneyIds.journeyId(event.conversationId());
    if (!EventLimits.opensJourney(event.type()) && !journal.exists(journeyId) && index.find(journeyId).isEmpty()) {
      metrics.eventRejected(event.type().wireName(), "refused");
      throw new NotStarted(event.conversationId(), event.type());
    }
    boolean fresh = journal.append(journeyId, event.eventId(), JOURNAL_EVENT, toJson(event), event.receivedAt());
    if (!fresh) {
      // A retry, or another event under a used id: the journal, not the journey's bounded memory, decides
      // (one read: the entry says whether its journey recorded it).
      Optional<Journal.Entry> first = journal.entry(journeyId, event.eventId());
      if (first.isPresent() && !sameEvent(first.get(), event)) {
        metrics.eventRejected(event.type().wireName(), "conflict");
        throw new EventIdConflict(event.eventId());
      }
      if (first.isPresent() && first.get().delivered()) {
        metrics.eventAccepted(event.type().wireName(), true);
        return new EventAck(journeyId, event.eventId(), true, null);
      }
    }
    try {
      EventAck ack = sendRetryingTransientRejections(event);
      journal.markDelivered(journeyId, event.eventId());
      if (!fresh && !ack.duplicate()) {
        // Received before (journaled, never acknowledged): recorded now, and said to be a retry.
        ack = new EventAck(ack.journeyId(), ack.eventId(), true, ack.stage());
      }
      metrics.eventAccepted(event.type().wireName(), ack.duplicate());
      return ack;
    } catch (io.temporal.client.WorkflowUpdateException e) {
      metrics.eventRejected(event.type().wireName(), "refused");
      throw e;
    } catch (JourneyBusy e) {
      metrics.eventRejected(event.type().wireName(), "busy");
      throw e;
    }
  }

  /**
   * Starts a new journey that replays a past conversation at its own times: every event is journaled (its
   * {@code receivedAt} is the time it happened, so a restore after a restart processes it at that time
   * again), then the journey's workflow starts with them as pending commands, the path of {@link
   * JourneyRestorer}: each is processed at its {@code receivedAt}, every clock due before it firing first, and
   * the clocks already overdue after the last one fire at once, each at its due instant. The events must meet
   * {@link EventLimits#replayProblems} (else {@link InvalidEvent}, nothing journaled or started) and their
   * journey must not exist yet (else {@link JourneyExists}). Returns the journey id once the workflow started.
   */
  public String replay(List<JourneyEvent> events, java.time.Instant now) {
    List<io.handoff.problem.FieldError> problems = EventLimits.replayProblems(events, now);
    if (!problems.isEmpty()) {
      throw new InvalidEvent(problems);
    }
    JourneyEvent first = events.get(0);
    String journeyId = JourneyIds.journeyId(first.conversationId());
    if (journal.exists(journeyId) || index.find(journeyId).isPresent()) {
      throw new JourneyExists(journeyId);
    }
    List<JourneyCommand> pending = new java.util.ArrayList<>(events.size());
    List<String> written = new java.util.ArrayList<>(events.size());
    for (JourneyEvent event : events) {
      if (!journal.append(journeyId, event.eventId(), JOURNAL_EVENT, toJson(event), event.receivedAt())) {
        // A live event of this conversation was journaled since the check: its journey exists now.
        journal.removeUndelivered(journeyId, written);
        throw new JourneyExists(journeyId);
      }
      written.add(event.eventId());
      pending.add(new JourneyCommand(event, null, true));
    }
    WorkflowOptions options = WorkflowOptions.newBuilder(options(first.conversationId(), first.channel()))
        // A journey that started meanwhile (a live event after the check above) is not joined: refused.
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .build();
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, options);
    JourneyInput input = new JourneyInput(first.conversationId(), settings(), null, pending, 0);
    try {
      withinUpdateTimeout(journeyId, () -> WorkflowClient.start(stub::run, input));
    } catch (io.temporal.client.WorkflowExecutionAlreadyStarted e) {
      // Its journey started while the replay was journaled: take the replay's entries back, so a restore of
      // that journey does not replay them.
      journal.removeUndelivered(journeyId, written);
      throw new JourneyExists(journeyId);
    }
    for (JourneyEvent event : events) {
      journal.markDelivered(journeyId, event.eventId());
      metrics.eventAccepted(event.type().wireName(), false);
    }
    return journeyId;
  }

  /** A replay of a conversation whose journey exists already: refused, nothing journaled or started. */
  public static final class JourneyExists extends RuntimeException {
    private final String journeyId;

    JourneyExists(String journeyId) {
      super("journey " + journeyId + " already exists: a replay starts a new journey, so it needs a conversation"
          + " Handoff never saw (post live events to /api/conversations/{id}/events instead)");
      this.journeyId = journeyId;
    }

    public String journeyId() {
      return journeyId;
    }
  }

  /** Whether a journaled event is the same as a new one under its id (the arrival time aside). */
  private boolean sameEvent(Journal.Entry first, JourneyEvent event) {
    if (!JOURNAL_EVENT.equals(first.kind())) {
      return false;
    }
    JourneyEvent before = fromJson(first.payload(), JourneyEvent.class);
    return before.equals(new JourneyEvent(event.eventId(), event.conversationId(), event.type(), event.occurredAt(),
        before.receivedAt(), event.channel(), event.text(), event.pageUrl(), event.customer(), event.agent(),
        event.group()));
  }

  /** An event id used before for another event (issue 15): refused, nothing applied. */
  public static final class EventIdConflict extends RuntimeException {
    private final String eventId;

    EventIdConflict(String eventId) {
      super("eventId " + eventId + " was already used for a different event of this conversation");
      this.eventId = eventId;
    }

    public String eventId() {
      return eventId;
    }
  }

  /**
   * A journey that did not record an event or command within {@code handoff.temporal.update-timeout}: the
   * caller answers 503 with Retry-After; a retry with the same id is applied once.
   */
  public static final class JourneyBusy extends RuntimeException {
    private final transient java.time.Duration retryAfter;

    JourneyBusy(String journeyId, java.time.Duration waited) {
      super("journey " + journeyId + " did not record the request within " + waited.toSeconds()
          + " s; retry with the same id");
      this.retryAfter = java.time.Duration.ofSeconds(2);
    }

    public long retryAfterSeconds() {
      return retryAfter.toSeconds();
    }
  }

  /**
   * Starts the workflow of a journey re-created from its journal ({@link JourneyRestorer}); its input carries the
   * snapshot, if any, and the first journaled entries as pending commands.
   */
  void startRestored(String conversationId, Channel channel, JourneyInput input) {
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class,
        options(conversationId, channel));
    WorkflowClient.start(stub::run, input);
  }

  /** Reads a journaled payload (an event, a ticket command). */
  <T> T fromJson(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends an event to its journey as an update whose id is the event id (so a retried event is answered once).
   * On a real Temporal server (modes dev-server and cluster) that is one update-with-start call ({@link
   * #updateWithStart}). On the embedded Java test server, which answers a retried update-with-start with an
   * internal error (it dedupes the start by request id and never applies the update) and has been seen to strand
   * the journey's workflow task around it, the update is sent alone, and a journey that is not running (never
   * started, or its workflow completed) is started first with the conflict policy USE_EXISTING, so concurrent
   * first events share one workflow. A restore (embedded only, {@link JourneyRestorer}) sends the journaled
   * events past its first batch here ({@code restores > 0}); nothing is journaled again.
   */
  EventAck send(JourneyEvent event, int restores) {
    String journeyId = JourneyIds.journeyId(event.conversationId());
    if (restores == 0 && runtime.mode() != HandoffConfig.Mode.EMBEDDED) {
      return updateWithStart(event, startInput(journeyId, event, restores));
    }
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
    JourneyInput input = startInput(journeyId, event, restores);
    withinUpdateTimeout(journeyId, () -> WorkflowClient.start(stub::run, input));
    return update(journeyId, event);
  }

  /**
   * The input of a journey's run started by an event: a journey whose follow-up window ended (its workflow
   * completed) goes on in a new run with its state; otherwise a new journey, or a restore.
   */
  private JourneyInput startInput(String journeyId, JourneyEvent event, int restores) {
    JourneySettings settings = settings();
    // On a real Temporal server this runs for every event: the index reads only the stage unless it is CLOSED.
    Optional<JourneyState> finished = restores == 0
        ? index.finishedSnapshot(journeyId, config.journey().timelineInState()) : Optional.empty();
    return finished.isPresent() ? JourneyInput.reopen(finished.get(), settings)
        : restores == 0 ? JourneyInput.start(event.conversationId(), settings)
        : JourneyInput.restore(event.conversationId(), settings, restores);
  }

  /**
   * On a real Temporal server (dev server or cluster): the event as one update-with-start call whose start
   * uses the conflict policy USE_EXISTING, so the first event starts the journey and concurrent first events
   * join it. A retried call with the same update id is answered with the first call's result (measured on
   * the dev server, docs/fault-tolerance.md#real-temporal-server); only the Java test server needs the
   * start-then-update of {@link #send}.
   */
  private EventAck updateWithStart(JourneyEvent event, JourneyInput input) {
    io.temporal.client.WorkflowStub stub = client.newUntypedWorkflowStub("CustomerJourneyWorkflow",
        options(event.conversationId(), event.channel()));
    return withinUpdateTimeout(JourneyIds.journeyId(event.conversationId()),
        () -> stub.startUpdateWithStart(eventUpdate(event), new Object[] {event}, new Object[] {input}).getResult());
  }

  private static UpdateOptions<EventAck> eventUpdate(JourneyEvent event) {
    return UpdateOptions.<EventAck>newBuilder()
        .setUpdateName("eventReceived")
        .setUpdateId(event.eventId())
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .setResultClass(EventAck.class)
        .build();
  }

  private EventAck update(String journeyId, JourneyEvent event) {
    return withinUpdateTimeout(journeyId,
        () -> client.newUntypedWorkflowStub(journeyId).startUpdate(eventUpdate(event), event).getResult());
  }

  /**
   * Runs a call to a journey's workflow under a gRPC deadline of {@code handoff.temporal.update-timeout}:
   * an update the server or worker does not answer (a workflow task stuck or lost under load) becomes a
   * {@link JourneyBusy} instead of a request that never returns.
   */
  private <T> T withinUpdateTimeout(String journeyId, java.util.function.Supplier<T> call) {
    java.time.Duration timeout = config.temporal().updateTimeout();
    try {
      return withinDeadline(timeout, call);
    } catch (io.temporal.client.WorkflowUpdateTimeoutOrCancelledException e) {
      throw busy(journeyId, timeout);
    } catch (WorkflowServiceException e) {
      if (outOfTime(e)) {
        throw busy(journeyId, timeout);
      }
      throw e;
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
        throw busy(journeyId, timeout);
      }
      throw e;
    }
  }

  private static JourneyBusy busy(String journeyId, java.time.Duration waited) {
    LOG.warnf("Journey %s did not record a request within %s: answered 503 (the caller retries with the same id)",
        journeyId, waited);
    return new JourneyBusy(journeyId, waited);
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
    // Every attempt is the same update (id = the command id), so a retry is applied once.
    return retryingTransientRejections("Ticket command " + command.commandId() + " of " + journeyId,
        TRANSIENT_REJECTION_BUDGET, () -> update(journeyId, command));
  }

  /**
   * Applies a ticket command to its journey as an update whose id is the command id (not journaled: {@link
   * #command} journals it, a restore re-delivers it); throws {@link CommandRefused} when it is refused.
   */
  TicketCommandResult update(String journeyId, TicketCommand command) {
    io.temporal.client.WorkflowStub stub = client.newUntypedWorkflowStub(journeyId);
    try {
      return withinUpdateTimeout(journeyId, () -> stub.startUpdate(UpdateOptions.<TicketCommandResult>newBuilder()
          .setUpdateName("ticketCommand")
          .setUpdateId(command.commandId())
          .setWaitForStage(WorkflowUpdateStage.COMPLETED)
          .setResultClass(TicketCommandResult.class)
          .build(), command).getResult());
    } catch (io.temporal.client.WorkflowUpdateException e) {
      Throwable cause = e.getCause();
      String message = cause instanceof io.temporal.failure.ApplicationFailure a ? a.getOriginalMessage()
          : String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
      throw new CommandRefused("ticket", message, fieldErrors(cause));
    }
  }

  /** The fields a helpdesk refusal (failure type TicketRefused, details: the field errors) names. */
  private static List<io.handoff.problem.FieldError> fieldErrors(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof io.temporal.failure.ApplicationFailure a && "TicketRefused".equals(a.getType())
          && a.getDetails().getSize() > 0) {
        try {
          return List.of(a.getDetails().get(0, io.handoff.problem.FieldError[].class));
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
    return withinDeadline(config.temporal().queryTimeout(), query);
  }

  private static <T> T withinDeadline(java.time.Duration timeout, java.util.function.Supplier<T> query) {
    io.grpc.Context.CancellableContext ctx = io.grpc.Context.current().withDeadlineAfter(
        timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, DEADLINES);
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

  /**
   * Sends an event, trying again while the server turns the update away for a passing reason
   * ({@link #retryingTransientRejections}). The update id is the event id, so another attempt is answered once.
   */
  private EventAck sendRetryingTransientRejections(JourneyEvent event) {
    return retryingTransientRejections("Event " + event.eventId() + " of " + event.conversationId(),
        TRANSIENT_REJECTION_BUDGET, () -> send(event, 0));
  }

  /** How long an event or a ticket command is tried again while the server turns it away for a passing reason. */
  static final java.time.Duration TRANSIENT_REJECTION_BUDGET = java.time.Duration.ofSeconds(20);

  /**
   * Runs a call to a journey's workflow, trying it again (backoff from 200 ms, doubling, at most 3 s apart) for up
   * to {@code budget} while the server turns it away for a passing reason. A real Temporal server refuses updates
   * while the journey's workflow task is in a failed state (the worker retries that task; seen when a workflow
   * task hit the deadlock detector on an overloaded machine), aborts an update when its workflow task is lost, and
   * answers "workflow is busy" under a burst; the Java test server does none of this. The call must send the same
   * update id on every attempt (the event id, the ticket command id), so an update the server did record before its
   * answer was lost is answered again, not applied twice. Any other failure, and the last refusal once the budget is
   * spent, goes to the caller.
   */
  static <T> T retryingTransientRejections(String what, java.time.Duration budget,
      java.util.function.Supplier<T> call) {
    long deadline = System.nanoTime() + budget.toNanos();
    long backoffMs = 200;
    while (true) {
      try {
        return call.get();
      } catch (WorkflowServiceException e) {
        if (!transientRejection(e) || System.nanoTime() + backoffMs * 1_000_000 > deadline) {
          throw e;
        }
        LOG.debugf("%s turned away for now (%s); trying again in %d ms", what, e.getCause().getMessage(), backoffMs);
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoffMs = Math.min(backoffMs * 2, 3_000);
      }
    }
  }

  /** Whether the server turned a call away for a passing reason (see {@link #retryingTransientRejections}). */
  static boolean transientRejection(WorkflowServiceException e) {
    if (!(e.getCause() instanceof io.grpc.StatusRuntimeException s)) {
      return false;
    }
    String message = String.valueOf(s.getStatus().getDescription());
    return switch (s.getStatus().getCode()) {
      case FAILED_PRECONDITION -> message.contains("Workflow Task in failed state");
      case UNAVAILABLE -> message.contains("update was aborted");
      case RESOURCE_EXHAUSTED -> message.contains("busy");
      default -> false;
    };
  }

  /** The gRPC status code behind a service call's failure, or null when it has none. */
  private static io.grpc.Status.Code grpcCode(WorkflowServiceException e) {
    return e.getCause() instanceof io.grpc.StatusRuntimeException s ? s.getStatus().getCode() : null;
  }

  /**
   * Whether a failed call to a journey's workflow ran out of its deadline: the status may sit under the
   * service exception directly, or under a {@link io.temporal.client.WorkflowUpdateTimeoutOrCancelledException}
   * (how an update-with-start that times out is reported on a real server).
   */
  static boolean outOfTime(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof io.temporal.client.WorkflowUpdateTimeoutOrCancelledException) {
        return true;
      }
      if (t instanceof io.grpc.StatusRuntimeException s) {
        io.grpc.Status.Code code = s.getStatus().getCode();
        return code == io.grpc.Status.Code.DEADLINE_EXCEEDED || code == io.grpc.Status.Code.CANCELLED;
      }
    }
    return false;
  }

  /** An event that breaks a limit of {@link EventLimits}; nothing was journaled or delivered. */
  public static final class InvalidEvent extends RuntimeException {
    private final transient List<io.handoff.problem.FieldError> errors;

    public InvalidEvent(List<io.handoff.problem.FieldError> errors) {
      super(errors.get(0).toString());
      this.errors = List.copyOf(errors);
    }

    public List<io.handoff.problem.FieldError> errors() {
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
