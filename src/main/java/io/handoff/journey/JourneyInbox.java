package io.handoff.journey;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A journey run's inbox and its idempotency: the commands (events, ticket commands) waiting to be processed
 * in arrival order, the ids already seen (kept in the state, so a command re-sent after a continue-as-new is
 * still recognised), the ids processed (where a restore from a snapshot resumes) and the results the ticket
 * command handlers wait for. Owned by one workflow instance: deterministic, no I/O.
 */
final class JourneyInbox {
  private static final int RECENT_IDS = 500;
  /** Processed command ids kept for a restore from a snapshot (far more than commands ever reorder by). */
  private static final int PROCESSED_IDS = 64;

  private final JourneyState state;
  private final Deque<JourneyCommand> queue = new ArrayDeque<>();
  private final Map<String, Object> results = new HashMap<>();
  /** True while a command (or the clocks due) is being processed: its steps may still create the ticket. */
  private boolean processing;
  /** The id of the command being processed, or null. */
  private String inProgress;

  JourneyInbox(JourneyState state) {
    this.state = state;
  }

  /**
   * Queues the commands a run starts with (after a continue-as-new, or a restore's journal entries);
   * {@code seen}: they count as seen, so a retried one is a duplicate (a journey restored from its journal).
   */
  void startWith(List<JourneyCommand> pending, boolean seen) {
    if (pending == null) {
      return;
    }
    queue.addAll(pending);
    if (seen) {
      pending.forEach(c -> remember(c.id()));
    }
  }

  /** Whether the id was seen recently (a retried event or command). */
  boolean seen(String id) {
    return state.recentIds.contains(id);
  }

  /** Records an id as seen, forgetting the oldest beyond {@link #RECENT_IDS}. */
  void remember(String id) {
    state.recentIds.add(id);
    if (state.recentIds.size() > RECENT_IDS) {
      state.recentIds.remove(0);
    }
  }

  /** Queues a command for processing in arrival order. */
  void add(JourneyCommand command) {
    queue.add(command);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** The next command to process, or null. */
  JourneyCommand poll() {
    return queue.poll();
  }

  /** The commands not processed yet, for the next run. */
  List<JourneyCommand> remaining() {
    return new ArrayList<>(queue);
  }

  /** Runs {@code work} marked as processing {@code id} (null: the clocks due, no command). */
  void processing(String id, Runnable work) {
    inProgress = id;
    processing = true;
    try {
      work.run();
    } finally {
      processing = false;
      inProgress = null;
    }
  }

  /** Whether the ticket may still be created by queued commands or by the one being processed. */
  boolean mayCreateTicket() {
    return !queue.isEmpty() || processing;
  }

  /** Records a command as processed, keeping the last {@link #PROCESSED_IDS}. */
  void processed(String id) {
    state.processed.add(id);
    if (state.processed.size() > PROCESSED_IDS) {
      state.processed.remove(0);
    }
  }

  /** The result of a ticket command: a {@link TicketCommandResult} or the {@link ApplicationFailure} to throw. */
  void answer(String id, Object result) {
    results.put(id, result);
  }

  /** Whether a queued ticket command has a handler waiting for its result. */
  boolean ticketCommandWaiting() {
    for (JourneyCommand c : queue) {
      if (c.ticket() != null && !c.restored()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Queues a ticket command unless seen before and waits for its result. A command seen by an earlier run (a
   * retry after a continue-as-new) has no result here: it is answered with the ticket as it is, rather than
   * waiting for a result this run will never have.
   */
  TicketCommandResult awaitResult(TicketCommand command) {
    if (!seen(command.commandId())) {
      remember(command.commandId());
      queue.add(new JourneyCommand(null, command));
    }
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

  /** Whether a command is queued or being processed in this run. */
  private boolean pending(String id) {
    if (id.equals(inProgress)) {
      return true;
    }
    for (JourneyCommand c : queue) {
      if (c.id().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
