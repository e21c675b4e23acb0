/**
 * The helpdesk: Handoff's ticket model with Zendesk's fields, the helpdesk directory
 * ({@code workflows/helpdesk.yaml}), the gateway to the built-in helpdesk or Zendesk, and the ticket steps
 * of the journey workflow.
 *
 * <p>Entry points: {@link io.handoff.ticket.Ticket}, {@link io.handoff.ticket.TicketChange},
 * {@link io.handoff.ticket.HelpdeskGateway} (chosen by {@link io.handoff.ticket.HelpdeskProducer}),
 * {@link io.handoff.ticket.TicketActivities}, {@link io.handoff.ticket.TicketChangeValidator},
 * {@link io.handoff.ticket.HelpdeskDirectory} with {@link io.handoff.ticket.HelpdeskDirectoryLoader},
 * {@link io.handoff.ticket.TicketCommands}.
 *
 * <p>Subpackages: {@code builtin}, {@code zendesk}, {@code rest}. Uses {@code rules}, and {@code journey}
 * (event types and the limits every inbound text meets).
 */
package io.handoff.ticket;
