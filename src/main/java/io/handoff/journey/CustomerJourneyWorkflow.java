package io.handoff.journey;

import io.handoff.model.JourneyEvent;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One customer conversation, from the first message to the closed ticket. Id: {@code journey-<conversationId>}
 * (see {@link JourneyIds}). Events arrive as {@code eventReceived} updates whose id is the event id: on a real
 * Temporal server (dev-server, cluster) one update-with-start call, on the embedded test server a start
 * followed by the update ({@link JourneyService#deliver}); either way the start's conflict policy
 * USE_EXISTING means the first event starts the journey, later ones join it, one workflow per conversation.
 */
@WorkflowInterface
public interface CustomerJourneyWorkflow {

  /** Runs the journey until it is closed. */
  @WorkflowMethod
  void run(JourneyInput input);

  /** Accepts an inbound event; it is on the timeline at once and processed in arrival order. */
  @UpdateMethod
  EventAck eventReceived(JourneyEvent event);

  /** Refuses events for a closed journey and events without an id, before they reach the history. */
  @UpdateValidatorMethod(updateName = "eventReceived")
  void validateEventReceived(JourneyEvent event);

  /**
   * Applies an agent's change or comment to the journey's ticket, runs the support triggers and moves
   * the SLA clocks; returns the ticket after all of it. Failures (a helpdesk refusal) fail the update
   * and change nothing.
   */
  @UpdateMethod
  TicketCommandResult ticketCommand(TicketCommand command);

  /** Refuses commands for another ticket, a journey without a ticket, or a closed journey. */
  @UpdateValidatorMethod(updateName = "ticketCommand")
  void validateTicketCommand(TicketCommand command);

  /** The journey view (public contract v1). */
  @QueryMethod
  JourneyView getView();
}
